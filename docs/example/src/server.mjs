import { createServer } from 'node:http';
import { connectQueue, publishOrder } from './queue.mjs';

const port = Number(process.env.PORT ?? 3000);

await connectQueue();

createServer(async (request, response) => {
  if (request.method === 'POST' && request.url === '/orders') {
    let body = '';
    for await (const chunk of request) body += chunk;
    publishOrder(JSON.parse(body));
    response.writeHead(202).end();
    return;
  }
  response.writeHead(404).end();
}).listen(port);
