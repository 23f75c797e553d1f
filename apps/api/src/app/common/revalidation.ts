import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { RevalidatedRouteConfig } from '../decorators/endpoint.decorators';

/**
 * A strong entity tag of an answer's body: 128 bits of its SHA-256. It changes with every byte of the representation
 * (language, fields, page), so a matching `If-None-Match` proves the client holds exactly what it would get.
 */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * An answer serialized once, as UTF-8 bytes, with its entity tag: what cached answers keep, so that a hit costs neither
 * again (nor the encoding of a large string on every write).
 */
export interface PreparedJson {
  body: Buffer;
  etag: string;
}

export function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value));
  return { body, etag: entityTag(body) };
}

/** Answers a prepared body as JSON; its tag is the `ETag` (the revalidation hook then does not hash it again). */
export function sendPrepared(reply: FastifyReply, prepared: PreparedJson): Buffer {
  void reply.type('application/json; charset=utf-8').header('ETag', prepared.etag);
  return prepared.body;
}

/** Whether `If-None-Match` names `etag` (RFC 9110 13.1.2: weak comparison, so `W/"x"` matches `"x"`; `*` matches). */
export function noneMatchHolds(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * The revalidated reads' answers 200 get an `ETag`; a request whose `If-None-Match` holds it gets 304 without a body.
 * Their `Cache-Control` is `private, no-cache` instead of `no-store`: a browser or a storefront's own cache may keep
 * the answer and must revalidate it on every use, and shared caches (CDNs) must not serve it to another caller.
 * Registered after the hook that sets `no-store`, which it overrides for these routes.
 */
export function registerRevalidation(fastify: FastifyInstance): void {
  // A callback hook, not an async one: each async onSend hook defers the answer by a tick, and an async handler that
  // calls `reply.send` without returning it (Swagger UI's) is answered twice when it resolves before the hooks do.
  fastify.addHook('onSend', (request, reply, payload: unknown, done) => {
    const config = request.routeOptions.config as RevalidatedRouteConfig | undefined;
    const body = typeof payload === 'string' || Buffer.isBuffer(payload);
    if (!config?.revalidated || reply.statusCode !== 200 || !body) return done(null, payload);
    const etag = (reply.getHeader('etag') as string | undefined) ?? entityTag(payload as string | Buffer);
    void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    if (!noneMatchHolds(request.headers['if-none-match'], etag)) return done(null, payload);
    void reply.code(304).removeHeader('content-type');
    done(null, null);
  });
}
