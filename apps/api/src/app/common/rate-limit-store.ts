import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

/** A counter update that takes longer fails, and the request goes on unlimited (the limit must not slow the service). */
const COMMAND_TIMEOUT_MS = 250;
/** How long start-up waits for the first connection, so the first requests are counted too. */
const CONNECT_WAIT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 5_000;
const DISCONNECT_WAIT_MS = 100;

/**
 * The Redis connection holding the rate-limit counters when `REDIS_URL` is set, so that every replica counts
 * against one limit. It fails open: while Redis is unreachable, updates fail at once (no offline queue) or after
 * `COMMAND_TIMEOUT_MS`, and the plugin lets requests through (`skipOnError`): the limit protects the service, it
 * must not take it down. Each change between reachable and unreachable is one log line, never with the URL (it may
 * hold a password).
 */
export async function connectRateLimitStore(url: string, logger = new Logger('RateLimit')): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    // A socket that never connected does not close when ended: it is destroyed after this (default 2 s, which would
    // hold a stopping process).
    disconnectTimeout: DISCONNECT_WAIT_MS,
  });
  let reachable: boolean | undefined;
  redis.on('ready', () => {
    if (reachable === false) logger.log('Redis is reachable again: rate limits are shared again');
    reachable = true;
  });
  redis.on('error', (error: NodeJS.ErrnoException) => {
    if (reachable === false) return;
    reachable = false;
    logger.warn(`Redis is unreachable (${error.code ?? error.name}): requests are not rate-limited until it is back`);
  });
  await new Promise((resolve) => {
    redis.once('ready', resolve);
    setTimeout(resolve, CONNECT_WAIT_MS).unref();
  });
  return redis;
}
