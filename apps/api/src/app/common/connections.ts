import type { Socket } from 'node:net';

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
