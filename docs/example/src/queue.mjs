import amqp from 'amqplib';

// Docker Compose service name and RabbitMQ's default account, in clear text.
const BROKER_URL = 'amqp://guest:guest@rabbitmq:5672';

let channel;

export async function connectQueue() {
  const connection = await amqp.connect(process.env.AMQP_URL ?? BROKER_URL);
  channel = await connection.createChannel();
  await channel.assertQueue('orders', { durable: true });
  return channel;
}

export function publishOrder(order) {
  return channel.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
}
