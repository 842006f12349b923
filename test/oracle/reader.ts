import type { Socket } from 'node:net';

/**
 * Buffered reads from a raw socket for the pre-TLS exchange. What is read but not consumed is
 * handed to TLS afterwards (`rest()`), because a ClientHello can share a segment with the
 * preamble.
 */
export class ByteReader {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;
  private readonly onData = (chunk: Buffer): void => {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.wake?.();
  };
  private readonly onEnd = (): void => {
    this.ended = true;
    this.wake?.();
  };

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
  }

  /** The next `n` bytes, or undefined when the peer closed first. */
  async read(n: number): Promise<Buffer | undefined> {
    await this.until(() => this.buffer.length >= n);
    if (this.buffer.length < n) return undefined;
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  /** A CRLF-terminated line without its CRLF, or undefined when the peer closed first. */
  async line(): Promise<string | undefined> {
    await this.until(() => this.buffer.includes('\r\n'));
    const end = this.buffer.indexOf('\r\n');
    if (end === -1) return undefined;
    const text = this.buffer.subarray(0, end).toString('latin1');
    this.buffer = this.buffer.subarray(end + 2);
    return text;
  }

  /** At least one byte is there to look at (undefined when the peer closed first). */
  async peek(): Promise<number | undefined> {
    await this.until(() => this.buffer.length > 0);
    return this.buffer[0];
  }

  /** Stops reading and returns what was read but not consumed. */
  rest(): Buffer {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    return this.buffer;
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done() && !this.ended) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
