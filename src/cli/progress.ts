import type { OutputStream } from './io';

/**
 * A one-line status on stderr for long runs ("linting 120/800 files, 4s"), redrawn in place.
 * Only when stderr is a terminal and not in CI; it appears after `delayMs`, so short runs
 * print nothing, and it erases itself when done.
 */
export class Progress {
  readonly enabled: boolean;
  private text = '';
  private readonly started = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private shown = false;

  constructor(
    private readonly stream: OutputStream,
    env: Record<string, string | undefined>,
    private readonly delayMs = 500,
  ) {
    this.enabled = stream.isTTY === true && !isCi(env) && env.TERM !== 'dumb';
    if (this.enabled) {
      this.timer = setInterval(() => this.render(), 200);
      this.timer.unref();
    }
  }

  /** What is being done now, e.g. "finding files" or "linting 12/40 files". */
  set(text: string): void {
    this.text = text;
  }

  /** Writes a line of its own (a warning), erasing the status first; it is redrawn later. */
  log(text: string): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
    this.stream.write(text);
  }

  /** Erases the line and stops redrawing. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }

  private render(): void {
    const elapsed = Date.now() - this.started;
    if (!this.text || elapsed < this.delayMs) return;
    this.stream.write(`\r\u001b[2Kbacking-services: ${this.text} (${Math.round(elapsed / 1000)}s)`);
    this.shown = true;
  }
}

function isCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') || env.GITHUB_ACTIONS === 'true';
}
