import { loadEnvFile } from './app/config/env-file';
import { startTracing } from './app/tracing/tracing';

/**
 * What main.ts does before it imports anything else (it imports this module first): read `.env`, then start
 * tracing, whose instrumentations patch `http` and `pg` when they are required and so must be registered before.
 */
export const envFile = loadEnvFile();
export const tracing = startTracing();
