/**
 * Codemod outputs, run: every client a fixture output builds (test/codemods/fixtures/**\/
 * <case>.output.*, found by name) is built with its environment pointing at the oracle and
 * driven like the catalog's cases. What the policy says must be what it does, and where the
 * policy says verified, it must refuse the self-signed, wrong-host and expired certificates
 * and connect with the trusted one. A site that cannot be built is recorded with the reason.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { describeSetting } from './cases';
import { loadCerts } from './certs';
import { buildSite } from './codemod-settings';
import { fixtureOutputs, outputSites } from './codemod-sites';
import { disagreementFor } from './disagreements';
import { expectNoOpenHandles } from './handles';
import { recordRows, type OutputRow } from './record';
import { runSetting } from './run';
import { agrees, describeRun, describeVerdict, expectedVerdict, observedVerdict, type Observations } from './verdict';

const certs = loadCerts(inject('oracleCertDir'));
const rows: OutputRow[] = [];

/** Refuses every bad certificate and connects with the trusted one. */
function verifies(runs: Observations): boolean {
  return runs.trusted?.outcome === 'accepted' && (['self-signed', 'wrong-host', 'expired'] as const).every((s) => runs[s]?.outcome !== 'accepted');
}

const sites = fixtureOutputs().flatMap(outputSites);

describe('fixture outputs have clients', () => {
  it('finds clients in the fixture outputs', () => {
    expect(sites.length).toBeGreaterThan(0);
  });
});

describe.concurrent('codemod outputs', () => {
  sites.forEach((site, siteIndex) => {
    const built = buildSite(site, certs);
    const where = `${site.fixture}:${site.line}`;
    const base = { index: siteIndex * 100, fixture: site.fixture, line: site.line, entry: site.site.entry.id, ...(site.marker ? { marker: site.marker } : {}) };
    if ('reason' in built) {
      rows.push({ ...base, library: site.site.entry.displayName, setting: '', expected: '', observed: `not run: ${built.reason}`, runs: {}, notes: [] });
      return;
    }
    built.settings.forEach((setting, variant) => {
      const label = describeSetting(built.driver, setting);
      it(`${where} ${built.driver.name}: ${label}`, async () => {
        const expected = expectedVerdict(built.entry, built.driver, setting);
        const runs = await runSetting(built.driver, setting, certs);
        const observed = observedVerdict(runs);
        rows.push({
          ...base,
          index: base.index + variant,
          library: built.driver.name,
          setting: label,
          expected: describeVerdict(expected),
          observed: describeVerdict(observed),
          runs: Object.fromEntries(Object.entries(runs).map(([scenario, verdict]) => [scenario, describeRun(verdict)])),
          notes: built.notes,
        });
        const message = `policy: ${describeVerdict(expected)}; observed: ${describeVerdict(observed)} ${JSON.stringify(runs)}`;
        const instead = disagreementFor(built.driver.name, label)?.observed(expected);
        expect(agrees(instead ?? expected, observed), message).toBe(true);
        if (expected.meanings.includes('verified') || (instead && !agrees(instead, expected))) expect(verifies(runs), message).toBe(true);
      });
    });
  });
});

afterAll(async () => {
  recordRows('codemod-outputs', rows.sort((a, b) => a.index - b.index));
  await expectNoOpenHandles();
});
