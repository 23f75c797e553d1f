import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from '../filters/error-body';

/** How long a connection closed after an early answer keeps reading (and dropping) what the client still sends. */
const LINGER_MS = 2000;

/**
 * Closes `socket` without resetting it. Closing a socket that has unread input makes the kernel send
 * a reset, and a client still sending its body then loses the answer that was already sent. So the
 * server only ends its side, drops whatever still arrives for at most LINGER_MS, then closes.
 */
function closeLingering(socket: Socket): void {
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * For an answer given before the request body was read: the connection is closed after it (so the
 * upload is not read to reuse the connection), lingering. Node's server closes a `Connection: close`
 * answer's socket through `destroySoon`, which is replaced for this socket.
 */
export function closeAfterAnswer(socket: Socket): void {
  socket.destroySoon = () => closeLingering(socket);
}

/**
 * Answers what Node's HTTP parser rejects before there is a request (headers over `maxHeaderBytes`,
 * headers or request not complete within their timeouts, malformed HTTP) with a small Emporix error
 * body, then closes the connection, lingering.
 */
export function clientErrorHandler(limits: {
  maxHeaderBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return;
    const [code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, `The request headers are larger than ${limits.maxHeaderBytes} bytes.`]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [
              408,
              `The request did not arrive in time: headers within ${limits.headersTimeoutMs} ms, the whole request within ${limits.requestTimeoutMs} ms.`,
            ]
          : [400, 'The request is not valid HTTP.'];
    // A response that has begun cannot be followed by another one.
    const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (socket.writable && !started) {
      const body = JSON.stringify(errorBody(code, message));
      socket.write(
        `HTTP/1.1 ${code} ${STATUS_CODES[code]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.on('data', () => undefined).resume();
    closeLingering(socket);
  };
}
