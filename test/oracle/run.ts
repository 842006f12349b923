import type { CertSet } from './certs';
import type { Attempt, Driver, Setting } from './drivers/types';
import { startOracle } from './server';
import { SCENARIOS, type Observations } from './verdict';

/**
 * One setting against every scenario, one fresh server each. Each connect is raced against
 * the server's verdict, then the client is closed: the verdict never waits on a timeout. A
 * client that throws while being built gets the outcome `none` with the error as detail.
 */
export async function runSetting(driver: Driver, setting: Setting, certs: CertSet): Promise<Observations> {
  const runs: Observations = {};
  for (const scenario of SCENARIOS) {
    const oracle = await startOracle({ preamble: driver.preamble(setting), scenario, certs });
    let attempt: Attempt | undefined;
    let thrown: string | undefined;
    try {
      attempt = driver.open(setting, { host: 'localhost', port: oracle.port });
    } catch (error) {
      thrown = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]!.slice(0, 80)}` : String(error);
    }
    if (attempt) {
      await Promise.race([attempt.done, oracle.decided]);
      await attempt.close();
    }
    const [first] = await oracle.finish();
    runs[scenario] = thrown && first!.outcome === 'none' ? { outcome: 'none', detail: `throws ${thrown}` } : first;
  }
  return runs;
}
