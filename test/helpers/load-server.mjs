// A fake server in its own process for the load test, so its memory and handles can be measured
// alone (run with --expose-gc). Talks to the test over IPC: 'stats' and 'close'.
import { listen } from '../../dist/server/index.js';

// A long scripted answer: streams that abort are still mid-flight when the client drops them.
const LONG = Array.from({ length: 3000 }, (_, i) => `word${i % 97}`).join(' ');

const server = await listen({
  port: 0,
  seed: 1,
  resolveScenario: (ctx) => (ctx.body.messages.at(-1)?.content === 'long please' ? { source: 'load:long', respond: { content: LONG } } : undefined),
});

// Peak of simultaneously open connections, to show the clients really were concurrent.
let open = 0;
let peak = 0;
server.server.on('connection', (socket) => {
  peak = Math.max(peak, ++open);
  socket.once('close', () => open--);
});

const connections = () => new Promise((resolve) => server.server.getConnections((_e, n) => resolve(n)));

async function stats() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, connections: await connections(), peak, resources: process.getActiveResourcesInfo() };
}

process.on('message', async (message) => {
  if (message === 'reset-peak') peak = open;
  if (message === 'stats') process.send({ type: 'stats', ...(await stats()) });
  if (message === 'close') {
    await server.close();
    await new Promise((r) => setTimeout(r, 50));
    process.send({ type: 'closed', resources: process.getActiveResourcesInfo() });
    process.disconnect();
  }
});
process.send({ type: 'ready', url: server.url });
