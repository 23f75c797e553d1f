import { exportJWK, generateKeyPair, importJWK, JWK } from 'jose';
import { randomUUID, webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const SIGNING_ALGORITHM = 'ES256';

type CryptoKey = webcrypto.CryptoKey;

export class SigningKey {
  constructor(
    readonly kid: string,
    readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}
}

/**
 * The built-in issuer's key pair. Kept in a file beside the embedded database so that tokens
 * stay valid across restarts; created on first use.
 */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  const stored = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as { privateJwk: JWK; publicJwk: JWK },
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
  if (stored) {
    const privateKey = (await importJWK(stored.privateJwk, SIGNING_ALGORITHM)) as CryptoKey;
    return new SigningKey(stored.publicJwk.kid ?? 'default', privateKey, stored.publicJwk);
  }
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  return new SigningKey(kid, privateKey, publicJwk);
}
