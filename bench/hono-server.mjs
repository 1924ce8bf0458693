// The adapter's floor: Hono on @hono/node-server answering with the same precomputed bodies. What
// the fake costs beyond this is the fake's own work (validation, generation, counting).
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const { json, frames } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = new Hono();
app.post('/chat/completions', async (c) => {
  const body = await c.req.text();
  if (!body.includes('"stream":true')) return new Response(json, { headers: { 'content-type': 'application/json' } });
  const encoder = new TextEncoder();
  let i = 0;
  const stream = new ReadableStream({
    pull(controller) {
      if (i < frames.length) controller.enqueue(encoder.encode(frames[i++]));
      else controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' } });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.stdout.write(`listening on http://127.0.0.1:${info.port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
