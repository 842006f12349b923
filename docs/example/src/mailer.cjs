const nodemailer = require('nodemailer');

// The relay's certificate is self-signed, so verification was switched off; STARTTLS is
// opportunistic because requireTLS is missing.
const transport = nodemailer.createTransport({
  host: 'smtp.mail.example.com',
  port: 587,
  secure: false,
  auth: {
    user: 'orders@example.com',
    pass: 'mailpass-1234',
  },
  tls: {
    rejectUnauthorized: false,
  },
});

async function sendReceipt(to, order) {
  await transport.sendMail({
    from: 'orders@example.com',
    to,
    subject: `Your order ${order.id}`,
    text: `Thank you! Total: ${order.total}`,
  });
}

module.exports = { sendReceipt };
