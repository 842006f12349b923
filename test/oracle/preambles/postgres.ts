import type { Preamble } from '../server';

/** SSLRequest: length 8, code 80877103 (`04 d2 16 2f`). */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * PostgreSQL (pg, postgres.js, and knex/sequelize/typeorm over pg): the client asks with an
 * SSLRequest and the server answers `S` or `N`; a StartupMessage instead is clear text, a
 * first byte `0x16` is pg's `sslnegotiation=direct`.
 */
export const postgresPreamble: Preamble = {
  name: 'PostgreSQL SSLRequest',
  async negotiate(reader, socket, offerTls) {
    const first = await reader.peek();
    if (first === undefined) return { kind: 'refused', detail: 'closed before sending' };
    if (first === 0x16) return offerTls ? { kind: 'tls' } : { kind: 'refused', detail: 'direct TLS to a server without TLS' };
    const head = await reader.read(8);
    if (!head) return { kind: 'refused', detail: 'closed during the preamble' };
    if (!head.equals(SSL_REQUEST)) return { kind: 'plaintext', detail: 'StartupMessage in clear' };
    socket.write(offerTls ? 'S' : 'N');
    if (offerTls) return { kind: 'tls' };
    const next = await reader.read(8);
    return next ? { kind: 'plaintext', detail: 'StartupMessage in clear after N' } : { kind: 'refused', detail: 'closed after N' };
  },
};
