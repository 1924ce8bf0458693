// Serves an app on a Node port and closes it cleanly.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { applyNodeFaults, type NodeBindings } from './node-faults.js';

export interface ListenOptions extends AppOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  server: ServerType;
  close(): Promise<void>;
}

export function listen(options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const fetch = async (request: Request, env: NodeBindings) => applyNodeFaults(request, await app.fetch(request, env), env);
    const server = serve({ fetch, port: options.port ?? 4010, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        host: info.address,
        server,
        close: () =>
          new Promise<void>((done) => {
            // Streams in flight would keep close() waiting; the fake owes them nothing at shutdown.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
