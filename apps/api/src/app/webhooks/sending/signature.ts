import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** The secrets that sign a message: the current one, and the previous one while a rotation's overlap lasts. */
export interface SigningSecrets {
  secret: string;
  previousSecret?: string | null;
}

/** A new endpoint secret: `whsec_` and the base64 of 32 random bytes, as Standard Webhooks describes. */
export function randomSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one message: `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature`, one `v1,<base64 HMAC-SHA256 of id.timestamp.body>` per secret, separated by a space, so a
 * receiver that knows either secret verifies it during a rotation.
 */
export function signedHeaders(id: string, body: string, secrets: SigningSecrets, at = new Date()): SignedHeaders {
  const keys = [secrets.secret, ...(secrets.previousSecret ? [secrets.previousSecret] : [])];
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': keys.map((key) => new Webhook(key).sign(id, at, body)).join(' '),
  };
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}
