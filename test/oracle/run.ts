import type { CertSet } from './certs';
import type { Attempt, Driver, Setting } from './drivers/types';
import { startOracle } from './server';
import { SCENARIOS, type Observations } from './verdict';

/**
 * A safety net, not a verdict: a connect that neither settles nor reaches the server in this
 * long is a hang (a driver or preamble bug), recorded as `hung`, which agrees with nothing.
 */
export const CASE_DEADLINE_MS = 15_000;

/** Settles `'deadline'` after `ms` unless the promise settles first; the timer never outlives the race. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'deadline'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]!.slice(0, 80)}` : String(error);
}

/**
 * One setting against every scenario, one fresh server each. Each connect is raced against
 * the server's verdict; then the server stops and drops its connections, so a client still
 * connecting fails at once, and the client is closed: the verdict never waits on a timeout. A
 * client that throws while being built gets the outcome `none` with the error as detail.
 */
export async function runSetting(driver: Driver, setting: Setting, certs: CertSet): Promise<Observations> {
  const runs: Observations = {};
  for (const scenario of SCENARIOS) {
    const oracle = await startOracle({ preamble: driver.preamble(setting), scenario, certs });
    let attempt: Attempt | undefined;
    let thrown: string | undefined;
    let hung: string | undefined;
    try {
      attempt = driver.open(setting, { host: 'localhost', port: oracle.port });
    } catch (error) {
      thrown = describeError(error);
    }
    if (attempt && (await within(Promise.race([attempt.done, oracle.decided]), CASE_DEADLINE_MS)) === 'deadline') hung = 'no verdict';
    const [first] = await oracle.finish();
    if (attempt) {
      const closed = await within(
        attempt.close().then(
          () => undefined,
          (error: unknown) => `close failed: ${describeError(error)}`,
        ),
        CASE_DEADLINE_MS,
      );
      if (closed === 'deadline') hung ??= 'the client did not close';
      // A client that cannot be closed is a driver bug, like a hang.
      else if (closed) hung ??= closed;
    }
    if (hung) runs[scenario] = { outcome: 'hung', detail: `${hung} within ${CASE_DEADLINE_MS / 1000} s` };
    else runs[scenario] = thrown && first!.outcome === 'none' ? { outcome: 'none', detail: `throws ${thrown}` } : first;
  }
  return runs;
}
