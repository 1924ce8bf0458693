// The speed limit: node:http answering with bodies computed before it started. Reads the request
// body (as any server must) and writes the precomputed answer. Streams are written frame by frame.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const { json, frames } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const jsonHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) };
const sseHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (!body.includes('"stream":true')) {
      res.writeHead(200, jsonHeaders).end(json);
      return;
    }
    res.writeHead(200, sseHeaders);
    for (const frame of frames) res.write(frame);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
