#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { run } from './cli';
import { partialFiles } from './rows';

// Ctrl-C: drop the half-written files; the previous failed file or export stays as it was.
process.once('SIGINT', () => {
  for (const file of partialFiles) rmSync(file, { force: true });
  process.stderr.write('\nInterrupted. Rows already sent stay imported; running the import again is safe.\n');
  process.exit(130);
});

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
