/**
 * Catalog claims, run: for every driven library, every setting the catalog judges (cases.ts)
 * runs the real client against the oracle, and what it did must match what the policy says.
 * A claim the oracle contradicts is listed in disagreements.ts with the reason; such a case
 * must go on disagreeing (a fixed one fails until it leaves the list).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { catalog, entryById } from '../../src/catalog';
import { loadCerts } from './certs';
import { catalogCases } from './cases';
import { disagreementFor } from './disagreements';
import { DRIVERS, NOT_DRIVEN } from './drivers';
import { expectNoOpenHandles } from './handles';
import { recordRows, type ClaimRow } from './record';
import { runSetting } from './run';
import { unclaimedErrors } from './uncaught';
import { agrees, describeRun, describeVerdict, expectedVerdict, observedVerdict } from './verdict';

/** The package behind a multi-driver library's `client`, `dialect` or `type`. */
const DRIVER_PACKAGES: Record<string, string> = { pg: 'pg', postgres: 'pg', mysql: 'mysql2', mysql2: 'mysql2', mssql: 'tedious' };

const certs = loadCerts(inject('oracleCertDir'));
const rows: ClaimRow[] = [];
const contradicted: Array<ClaimRow & { reason: string }> = [];

describe('every catalog library is driven or listed with a reason', () => {
  it('has a driver or a NOT_DRIVEN entry', () => {
    const driven = new Set(DRIVERS.map((d) => d.entry));
    expect(catalog.map((e) => e.id).filter((id) => !driven.has(id) && !(id in NOT_DRIVEN))).toEqual([]);
    // A wrapper is covered by its client only if that client is driven or listed itself.
    expect(catalog.filter((e) => e.wraps !== undefined && !driven.has(e.wraps) && !(e.wraps in NOT_DRIVEN)).map((e) => e.id)).toEqual([]);
  });

  it('every judged switch value, verify-off flag and URL parameter value has a case', () => {
    const missing: string[] = [];
    for (const entry of catalog.filter((e) => DRIVERS.some((d) => d.entry === e.id))) {
      const cases = DRIVERS.filter((d) => d.entry === entry.id).flatMap((d) => catalogCases(entry, d));
      const has = (test: (label: string) => boolean): boolean => cases.some((c) => test(c.label));
      for (const sw of entry.tls.switches) {
        for (const key of Object.keys(sw.values ?? {})) if (!has((l) => l.includes(`${sw.path}: ${key.replace(/"/g, "'")}`))) missing.push(`${entry.id} ${sw.path}=${key}`);
      }
      for (const flag of entry.tls.verifyOff) if (!has((l) => l.includes(`${flag.path}: ${String(flag.value)}`))) missing.push(`${entry.id} ${flag.path}`);
      for (const spec of entry.tls.urlParams) {
        for (const value of Object.keys(spec.values)) if (!has((l) => l.includes(`${spec.name}=${encodeURIComponent(value)}`))) missing.push(`${entry.id} ?${spec.name}=${value}`);
      }
      for (const bag of entry.tls.bags) if (!has((l) => l.includes(bag === '' ? 'rejectUnauthorized: false' : `${bag}.rejectUnauthorized: false`))) missing.push(`${entry.id} bag ${bag}`);
    }
    expect(missing).toEqual([]);
  });
});

DRIVERS.forEach((driver, driverIndex) => {
  const entry = entryById(driver.entry);
  if (!entry) throw new Error(`no catalog entry ${driver.entry}`);
  describe.concurrent(driver.name, () => {
    catalogCases(entry, driver).forEach((c, caseIndex) => {
      const expected = expectedVerdict(entry, driver, c.setting);
      const base = { index: driverIndex * 1000 + caseIndex, driver: driver.name, entry: entry.id, setting: c.label, origin: c.origin, expected: describeVerdict(expected) };
      if (c.unobservable) {
        rows.push({ ...base, observed: `not run: ${c.unobservable}`, runs: {} });
        return;
      }
      it(`${c.label} [${c.origin}]`, async () => {
        const runs = await runSetting(driver, c.setting, certs);
        const observed = observedVerdict(runs);
        const row = { ...base, observed: describeVerdict(observed), runs: Object.fromEntries(Object.entries(runs).map(([scenario, verdict]) => [scenario, describeRun(verdict)])) };
        rows.push(row);
        const message = `policy: ${row.expected}; observed: ${row.observed} ${JSON.stringify(runs)}`;
        const known = disagreementFor(driver.name, c.label);
        const instead = known?.observed(expected);
        if (known && instead && !agrees(instead, expected)) {
          // A known disagreement must show exactly what it says, and still disagree.
          contradicted.push({ ...row, reason: known.reason });
          expect(agrees(instead, observed), `${message}; listed as: ${describeVerdict(instead)}`).toBe(true);
        } else expect(agrees(expected, observed), message).toBe(true);
      });
    });
  });
});

afterAll(async () => {
  recordRows('catalog-claims', {
    rows: rows.sort((a, b) => a.index - b.index),
    drivers: DRIVERS.map((d) => ({ name: d.name, packages: [d.entry, ...Object.values(d.select ?? {}).map((v) => DRIVER_PACKAGES[String(v)] ?? String(v))] })),
    notDriven: NOT_DRIVEN,
    disagreements: contradicted.sort((a, b) => a.index - b.index),
  });
  expect(unclaimedErrors()).toEqual([]);
  await expectNoOpenHandles();
});
