import type { Preamble } from '../server';

/** Commands that carry mail or credentials: sent before STARTTLS they are clear text. */
const CLEAR = /^(AUTH|MAIL|RCPT|DATA)\b/i;

/**
 * SMTP with STARTTLS (nodemailer on 587): `220`, then `250-STARTTLS` in the EHLO reply when
 * the server offers TLS, `502` to STARTTLS when it does not.
 */
export const smtpStartTls: Preamble = {
  name: 'SMTP STARTTLS',
  async negotiate(reader, socket, offerTls) {
    socket.write('220 oracle ESMTP\r\n');
    for (;;) {
      const line = await reader.line();
      if (line === undefined) return { kind: 'refused', detail: 'closed before mail or STARTTLS' };
      const command = line.toUpperCase();
      if (command.startsWith('EHLO')) socket.write(`250-oracle\r\n${offerTls ? '250-STARTTLS\r\n' : ''}250 AUTH PLAIN LOGIN\r\n`);
      else if (command.startsWith('HELO')) socket.write('250 oracle\r\n');
      else if (command.startsWith('STARTTLS')) {
        if (!offerTls) {
          socket.write('502 5.5.1 STARTTLS not offered\r\n');
          continue;
        }
        socket.write('220 2.0.0 Ready to start TLS\r\n');
        return { kind: 'tls' };
      } else if (CLEAR.test(command)) return { kind: 'plaintext', detail: `${command.split(' ')[0]} in clear` };
      else if (command.startsWith('QUIT')) {
        socket.write('221 bye\r\n');
        return { kind: 'refused', detail: 'QUIT without mail' };
      } else socket.write('250 ok\r\n');
    }
  },
};

/** SMTP with implicit TLS (port 465, `secure: true`, `smtps://`): the greeting follows the handshake. */
export const smtpImplicitTls: Preamble = {
  name: 'SMTP implicit TLS',
  greeting: Buffer.from('220 oracle ESMTP\r\n'),
  async negotiate(reader, _socket, offerTls) {
    const first = await reader.peek();
    if (first === undefined) return { kind: 'refused', detail: 'closed before sending' };
    if (first !== 0x16) return { kind: 'plaintext', detail: 'clear text on the implicit-TLS port' };
    return offerTls ? { kind: 'tls' } : { kind: 'refused', detail: 'ClientHello to a server without TLS' };
  },
};
