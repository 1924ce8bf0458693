// A tiny static server on 127.0.0.1 for the browser test: the page, its bundle and msw's worker.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  type: string;
  body: string | Uint8Array;
}

export async function serveFiles(files: Record<string, StaticFile>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
