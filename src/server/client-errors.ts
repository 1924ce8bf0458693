// Requests Node's HTTP parser rejects never reach the app (headers over Node's 16 KiB limit, garbage
// instead of HTTP). Node's default answer is a bare status line; this answers in DeepSeek's envelope
// instead, closes that one connection, and leaves the server serving everyone else.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { apiError, envelope } from '../core/errors.js';
import type { RequestLogger } from './request-log.js';

const reasons: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function statusFor(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

export function answerClientErrors(server: Server, logger?: RequestLogger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const code = err.code;
    // Nothing to answer on a socket the client already dropped.
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusFor(code);
    const message = status === 431 ? 'Request headers too large' : status === 408 ? 'Request timed out' : 'Malformed HTTP request';
    const body = JSON.stringify(envelope(apiError(status, 'invalid_request_error', message)));
    socket.end(
      `HTTP/1.1 ${status} ${reasons[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
    logger?.log({ method: '-', path: '-', status, ms: 0, error: code ?? 'client error' });
  });
}
