import type { Preamble } from '../server';

const CLIENT_SSL = 0x800;

/** A HandshakeV10 greeting; CLIENT_SSL (`0x800`) only when the server offers TLS. */
function greeting(offerTls: boolean): Buffer {
  // LONG_PASSWORD, FOUND_ROWS, LONG_FLAG, CONNECT_WITH_DB, PROTOCOL_41, TRANSACTIONS,
  // SECURE_CONNECTION; upper: MULTI_STATEMENTS, MULTI_RESULTS, PLUGIN_AUTH.
  const lower = 0x0001 | 0x0002 | 0x0004 | 0x0008 | 0x0200 | 0x2000 | 0x8000 | (offerTls ? CLIENT_SSL : 0);
  const upper = 0x0001 | 0x0002 | 0x0008;
  const salt = Buffer.from('0123456789abcdefghij', 'latin1');
  const body = Buffer.concat([
    Buffer.from([0x0a]),
    Buffer.from('8.0.36-oracle\0', 'latin1'),
    Buffer.from([1, 0, 0, 0]),
    salt.subarray(0, 8),
    Buffer.from([0]),
    Buffer.from([lower & 0xff, lower >> 8, 0x21, 0x02, 0x00, upper & 0xff, upper >> 8, 21]),
    Buffer.alloc(10),
    salt.subarray(8),
    Buffer.from([0]),
    Buffer.from('mysql_native_password\0', 'latin1'),
  ]);
  return Buffer.concat([Buffer.from([body.length & 0xff, (body.length >> 8) & 0xff, body.length >> 16, 0]), body]);
}

/**
 * MySQL (mysql2, mysql, and knex/sequelize/typeorm over them): the server speaks first; a
 * 32-byte SSLRequest with CLIENT_SSL starts TLS, a full handshake response is clear text.
 */
export const mysqlPreamble: Preamble = {
  name: 'MySQL greeting with CLIENT_SSL',
  async negotiate(reader, socket, offerTls) {
    socket.write(greeting(offerTls));
    const header = await reader.read(4);
    if (!header) return { kind: 'refused', detail: 'closed after the greeting' };
    const length = header[0]! | (header[1]! << 8) | (header[2]! << 16);
    const payload = await reader.read(length);
    if (!payload) return { kind: 'refused', detail: 'closed during the handshake response' };
    const capabilities = payload.readUInt32LE(0);
    if (capabilities & CLIENT_SSL && length === 32) {
      if (offerTls) return { kind: 'tls' };
      throw new Error('SSLRequest to a greeting without CLIENT_SSL');
    }
    return { kind: 'plaintext', detail: 'handshake response in clear' };
  },
};
