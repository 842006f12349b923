import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { replay, socketDuplex, type Preamble } from '../server';

const PRELOGIN = 0x12;
const REPLY = 0x04;
const LOGIN7 = 0x10;
const ENCRYPT_OFF = 0x00;
const ENCRYPT_ON = 0x01;
const ENCRYPT_NOT_SUP = 0x02;

function packet(type: number, payload: Buffer): Buffer {
  const header = Buffer.from([type, 0x01, 0, 0, 0, 0, 1, 0]);
  header.writeUInt16BE(payload.length + 8, 2);
  return Buffer.concat([header, payload]);
}

/** The ENCRYPTION option (token 0x01) of a PRELOGIN payload. */
function clientEncryption(payload: Buffer): number | undefined {
  for (let i = 0; i + 5 <= payload.length && payload[i] !== 0xff; i += 5) {
    if (payload[i] === 0x01) return payload[payload.readUInt16BE(i + 1)];
  }
  return undefined;
}

/** VERSION, ENCRYPTION, INSTOPT, THREADID, MARS. */
function preloginReply(encryption: number): Buffer {
  const data: Array<[number, Buffer]> = [
    [0x00, Buffer.from([16, 0, 0x07, 0xd0, 0, 0])],
    [0x01, Buffer.from([encryption])],
    [0x02, Buffer.from([0])],
    [0x03, Buffer.alloc(4)],
    [0x04, Buffer.from([0])],
  ];
  let offset = data.length * 5 + 1;
  const table: number[] = [];
  for (const [token, value] of data) {
    table.push(token, offset >> 8, offset & 0xff, value.length >> 8, value.length & 0xff);
    offset += value.length;
  }
  return Buffer.concat([Buffer.from([...table, 0xff]), ...data.map(([, value]) => value)]);
}

/**
 * TDS 7 (tedious, mssql): PRELOGIN packets negotiate ENCRYPTION; with ON the TLS handshake
 * travels inside PRELOGIN packets, one reply per client message, and then raw TLS carries
 * LOGIN7. A first byte `0x16` is TDS 8 (`encrypt: 'strict'`): TLS before any TDS.
 */
export const tdsPreamble: Preamble = {
  name: 'TDS PRELOGIN',
  async negotiate(reader, socket, offerTls) {
    const first = await reader.peek();
    if (first === undefined) return { kind: 'refused', detail: 'closed before sending' };
    if (first === 0x16) return offerTls ? { kind: 'tls' } : { kind: 'refused', detail: 'TDS 8 ClientHello to a server without TLS' };
    const header = await reader.read(8);
    if (!header) return { kind: 'refused', detail: 'closed during PRELOGIN' };
    const payload = await reader.read(header.readUInt16BE(2) - 8);
    if (!payload || header[0] !== PRELOGIN) return { kind: 'plaintext', detail: 'TDS in clear without PRELOGIN' };
    const asked = clientEncryption(payload);
    // A server that is not forced to encrypt mirrors the client; one without TLS says NOT_SUP.
    const answer = !offerTls ? ENCRYPT_NOT_SUP : asked === ENCRYPT_OFF || asked === ENCRYPT_NOT_SUP ? asked : ENCRYPT_ON;
    socket.write(packet(REPLY, preloginReply(answer)));
    if (answer === ENCRYPT_ON) return { kind: 'tls' };
    const next = await reader.read(8);
    if (!next) return { kind: 'refused', detail: `closed after ENCRYPTION ${answer}` };
    return { kind: 'plaintext', detail: next[0] === LOGIN7 ? 'LOGIN7 in clear' : `TDS packet ${next[0]} in clear` };
  },
  transport(raw, head) {
    // TDS 8 starts with a bare ClientHello: nothing to unwrap.
    return head[0] === 0x16 ? replay(raw, head) : preloginWrapped(raw, head);
  },
};

/**
 * Carries TLS handshake records in PRELOGIN packets until the server has sent its Finished,
 * then raw TLS. A server flight is complete at ServerHelloDone (handshake type 14) or at the
 * first handshake record after ChangeCipherSpec (Finished); it goes out as one message.
 */
function preloginWrapped(raw: Socket, head: Buffer): Duplex {
  let inbound = head;
  let outbound = Buffer.alloc(0);
  let wrapped = true;
  let afterCcs = false;
  let scanned = 0;
  // A server flight is complete at ServerHelloDone (14) or at its Finished (a handshake record
  // after ChangeCipherSpec); it goes out as one PRELOGIN message.
  const write = (chunk: Buffer, done: () => void): void => {
    if (!wrapped) {
      raw.write(chunk, done);
      return;
    }
    outbound = Buffer.concat([outbound, chunk]);
    let flightDone = false;
    while (scanned + 5 <= outbound.length) {
      const type = outbound[scanned]!;
      const length = outbound.readUInt16BE(scanned + 3);
      if (scanned + 5 + length > outbound.length) break;
      const body = outbound.subarray(scanned + 5, scanned + 5 + length);
      if (type === 20) afterCcs = true;
      else if (type === 21) flightDone = true;
      else if (type === 22 && afterCcs) {
        flightDone = true;
        wrapped = false;
      } else if (type === 22) {
        for (let i = 0; i + 4 <= body.length; i += 4 + body.readUIntBE(i + 1, 3)) if (body[i] === 14) flightDone = true;
      }
      scanned += 5 + length;
    }
    if (flightDone) {
      const flight = outbound.subarray(0, scanned);
      const rest = outbound.subarray(scanned);
      outbound = Buffer.alloc(0);
      scanned = 0;
      raw.write(packet(PRELOGIN, flight));
      if (rest.length > 0) raw.write(rest);
    }
    done();
  };
  const feed = (duplex: Duplex): void => {
    while (wrapped && inbound.length >= 8) {
      const length = inbound.readUInt16BE(2);
      if (inbound[0] !== PRELOGIN || length < 8) {
        duplex.destroy(new Error(`TDS packet type ${inbound[0]} of length ${length} during the wrapped handshake`));
        return;
      }
      if (inbound.length < length) return;
      duplex.push(inbound.subarray(8, length));
      inbound = inbound.subarray(length);
    }
    if (!wrapped && inbound.length > 0) {
      duplex.push(inbound);
      inbound = Buffer.alloc(0);
    }
  };
  const duplex = socketDuplex(raw, write, (chunk, stream) => {
    inbound = Buffer.concat([inbound, chunk]);
    feed(stream);
  });
  feed(duplex);
  return duplex;
}
