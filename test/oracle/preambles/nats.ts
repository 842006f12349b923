import type { Preamble } from '../server';

/**
 * NATS: the server's INFO comes first; `tls_required` makes the client upgrade, and a CONNECT
 * in clear text afterwards means it did not.
 */
export const natsPreamble: Preamble = {
  name: 'NATS INFO',
  async negotiate(reader, socket, offerTls) {
    const info = { server_id: 'oracle', server_name: 'oracle', version: '2.10.0', proto: 1, host: '127.0.0.1', port: 4222, max_payload: 1048576, headers: true, ...(offerTls ? { tls_required: true } : {}) };
    socket.write(`INFO ${JSON.stringify(info)}\r\n`);
    const first = await reader.peek();
    if (first === undefined) return { kind: 'refused', detail: 'closed after INFO' };
    if (first === 0x16) {
      if (offerTls) return { kind: 'tls' };
      throw new Error('ClientHello after an INFO without TLS');
    }
    return { kind: 'plaintext', detail: 'CONNECT in clear' };
  },
};
