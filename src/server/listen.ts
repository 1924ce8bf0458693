// Serves an app on a Node port and closes it cleanly.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fake } from '../core/fake.js';
import { adminEnabledFor } from './admin.js';
import { createApp, type AppOptions } from './app.js';
import { answerClientErrors } from './client-errors.js';
import { applyNodeFaults, type NodeBindings } from './node-faults.js';

export interface ListenOptions extends AppOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The fake behind the server (journal, next, use, reset). */
  fake: Fake;
  host: string;
  server: ServerType;
  close(): Promise<void>;
}

export function listen(options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp({ ...options, adminEnabled: options.adminEnabled ?? adminEnabledFor(host, options.adminToken) });
  return new Promise((resolve, reject) => {
    const fetch = async (request: Request, env: NodeBindings) => applyNodeFaults(request, await app.fetch(request, env), env);
    const server = serve({ fetch, port: options.port ?? 4010, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        fake: app.fake,
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
    answerClientErrors(server as Server, app.logger);
  });
}
