import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Loads `.env` from `folder` (the working directory) into `env` when the file exists, with Node's own
 * parser (that of `process.loadEnvFile` and `--env-file`); a variable already set wins over the file.
 * Returns the file read, if any.
 */
export function loadEnvFile(
  folder = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const file = join(folder, '.env');
  if (!existsSync(file)) return undefined;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) env[name] ??= value;
  return file;
}
