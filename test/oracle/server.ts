/**
 * The oracle: a loopback server, one per case on 127.0.0.1:0, that speaks a protocol's pre-TLS
 * preamble, presents the certificate a scenario names (or declines TLS, or offers only TLS
 * 1.0/1.1), and records per connection what the client did. A client *accepted* only when it
 * sent application bytes over TLS: Node clients check the certificate after the handshake and
 * close without an alert, so a finished handshake proves nothing.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import type { CertKind, CertSet } from './certs';
import { ByteReader } from './reader';

/** What the server offers: a certificate, no TLS at all, or only TLS 1.0/1.1. */
export type Scenario = CertKind | 'declined' | 'old-tls';

/**
 * - accepted: application data over TLS
 * - rejected: TLS started, then the client closed without data (certificate, version, cipher)
 * - plaintext: protocol data in clear text
 * - refused: the client hung up after the server declined TLS
 * - none: no connection reached the server
 * - hung: neither the client nor the server settled before the case deadline (a bug to fix)
 */
export type Outcome = 'accepted' | 'rejected' | 'plaintext' | 'refused' | 'none' | 'hung';

export interface ConnectionVerdict {
  outcome: Outcome;
  /** The negotiated protocol (`TLSv1.3`) when a handshake completed. */
  version?: string;
  /** Why, in a few words (an alert code, the clear-text command). */
  detail?: string;
}

export type PreambleResult = { kind: 'tls' } | { kind: 'plaintext' | 'refused'; detail: string };

/** One protocol's clear-text exchange before TLS, and what it says after the handshake. */
export interface Preamble {
  name: string;
  /** Runs the exchange up to the point where TLS starts or the client shows its hand. */
  negotiate(reader: ByteReader, socket: Socket, offerTls: boolean): Promise<PreambleResult>;
  /** Bytes the server sends first once TLS is up (the SMTP greeting on port 465). */
  greeting?: Buffer;
  /** A transport for the TLS records when the protocol wraps the handshake (TDS PRELOGIN). */
  transport?(raw: Socket, head: Buffer): Duplex;
}

export interface Oracle {
  port: number;
  /** Settles when the first connection has a verdict. */
  decided: Promise<void>;
  /** Closes every connection and the server; the verdicts, first connection first. */
  finish(): Promise<ConnectionVerdict[]>;
}

/** Secure contexts by scenario, made once per certificate set. */
const contexts = new WeakMap<CertSet, Map<Scenario, SecureContext>>();

function contextFor(certs: CertSet, scenario: Exclude<Scenario, 'declined'>): SecureContext {
  let byScenario = contexts.get(certs);
  if (!byScenario) contexts.set(certs, (byScenario = new Map()));
  let context = byScenario.get(scenario);
  if (!context) {
    context =
      scenario === 'old-tls'
        ? // RSA key exchange needs no ServerKeyExchange signature, so only the protocol version
          // (and the suite list) decides whether a client goes along.
          createSecureContext({ key: certs.key, cert: certs.certs.trusted, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'AES128-SHA:AES256-SHA:@SECLEVEL=0' })
        : createSecureContext({ key: certs.key, cert: certs.certs[scenario] });
    byScenario.set(scenario, context);
  }
  return context;
}

/** Direct TLS: a ClientHello (`16 03`) first, or protocol bytes in clear. */
export const directTls: Preamble = {
  name: 'direct TLS',
  async negotiate(reader, _socket, offerTls) {
    const first = await reader.peek();
    if (first === undefined) return { kind: 'refused', detail: 'closed before sending' };
    if (first !== 0x16) return { kind: 'plaintext', detail: 'protocol bytes in clear' };
    return offerTls ? { kind: 'tls' } : { kind: 'refused', detail: 'ClientHello to a server without TLS' };
  },
};

/**
 * A stream for a server-side TLSSocket over a raw socket: `write` takes what TLS sends, and
 * `receive` hands it what the socket delivers. Ending or destroying either side ends the other.
 */
export function socketDuplex(raw: Socket, write: (chunk: Buffer, done: () => void) => void, receive: (chunk: Buffer, duplex: Duplex) => void): Duplex {
  const duplex = new Duplex({
    read() {
      raw.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      write(chunk, () => callback());
    },
    final(callback) {
      raw.end();
      callback();
    },
    destroy(error, callback) {
      raw.destroy();
      callback(error);
    },
  });
  raw.on('data', (chunk: Buffer) => receive(chunk, duplex));
  raw.on('end', () => duplex.push(null));
  raw.on('close', () => duplex.destroy());
  return duplex;
}

/**
 * Hands TLS the bytes already read, then the rest of the raw socket. A TLSSocket over the raw
 * socket itself would read the handle directly and lose what was read.
 */
export function replay(raw: Socket, head: Buffer): Duplex {
  const duplex = socketDuplex(
    raw,
    (chunk, done) => (raw.destroyed ? done() : raw.write(chunk, done)),
    (chunk, stream) => {
      if (!stream.push(chunk)) raw.pause();
    },
  );
  if (head.length > 0) duplex.push(head);
  return duplex;
}

export async function startOracle(options: { preamble: Preamble; scenario: Scenario; certs: CertSet }): Promise<Oracle> {
  const { preamble, scenario, certs } = options;
  const verdicts: ConnectionVerdict[] = [];
  const open = new Set<Socket>();
  const closed: Promise<void>[] = [];
  let markDecided!: () => void;
  const decided = new Promise<void>((resolve) => (markDecided = resolve));

  const server: Server = createServer((raw) => {
    open.add(raw);
    const verdict: ConnectionVerdict = { outcome: 'none' };
    verdicts.push(verdict);
    let final = false;
    let tlsStarted = false;
    let secure = false;
    let tlsError: string | undefined;
    const decide = (outcome: Outcome, detail?: string): void => {
      if (final) return;
      final = true;
      verdict.outcome = outcome;
      if (detail) verdict.detail = detail;
      markDecided();
    };
    raw.on('error', () => undefined);
    closed.push(
      new Promise<void>((resolve) =>
        // Under load a TLSSocket's own close can come late: the TCP close ends the connection.
        raw.on('close', () => {
          open.delete(raw);
          if (tlsStarted) decide('rejected', tlsError ?? (secure ? 'closed after the handshake' : 'closed during the handshake'));
          else decide('refused', 'closed before TLS');
          resolve();
        }),
      ),
    );
    const reader = new ByteReader(raw);
    void preamble
      .negotiate(reader, raw, scenario !== 'declined')
      .then((result) => {
        if (result.kind !== 'tls') {
          decide(result.kind, result.detail);
          raw.destroy();
          return;
        }
        if (scenario === 'declined') throw new Error(`${preamble.name} started TLS although the scenario declines it`);
        tlsStarted = true;
        const head = reader.rest();
        const transport = preamble.transport ? preamble.transport(raw, head) : replay(raw, head);
        const tlsSocket = new TLSSocket(transport as unknown as Socket, { isServer: true, secureContext: contextFor(certs, scenario) });
        tlsSocket.on('secure', () => {
          secure = true;
          verdict.version = tlsSocket.getProtocol() ?? undefined;
          if (preamble.greeting) tlsSocket.write(preamble.greeting);
        });
        tlsSocket.on('data', () => {
          decide('accepted');
          raw.destroy();
        });
        tlsSocket.on('error', (error: NodeJS.ErrnoException) => {
          tlsError ??= error.code ?? error.message;
          raw.destroy();
        });
      })
      .catch((error: Error) => {
        decide('refused', `oracle error: ${error.message}`);
        raw.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the oracle has no TCP port');

  return {
    port: address.port,
    decided,
    async finish() {
      // Stop listening first, so that no connection (a client's retry) arrives after the sweep.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await Promise.all(closed);
      await stopped;
      return verdicts.length > 0 ? verdicts : [{ outcome: 'none' }];
    },
  };
}
