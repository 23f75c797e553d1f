// A webhook receiver for the service's deliveries: verifies each message with the endpoint's secret (Standard
// Webhooks), takes each event once by its id, and answers 2xx quickly (work that takes long belongs in a queue).
//   WEBHOOK_SECRET=whsec_... PORT=4000 node docs/examples/webhook-receiver.js
const { createServer } = require('node:http');
const { Webhook } = require('standardwebhooks');

const webhook = new Webhook(process.env.WEBHOOK_SECRET);
// Ids already processed. Deliveries are at least once and not ordered across retries: keep these in your own store
// (for longer than the retry schedule, a day and a half), and order a resource's events by `sequence`.
const processed = new Set();

createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let event;
    try {
      event = webhook.verify(Buffer.concat(chunks).toString(), request.headers);
    } catch {
      response.writeHead(401).end(); // not signed with our secret, or older than 5 minutes
      return;
    }
    if (!processed.has(event.id)) {
      processed.add(event.id);
      console.log(event.type, event.resource.id, event.sequence);
    }
    response.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 4000), '127.0.0.1');
