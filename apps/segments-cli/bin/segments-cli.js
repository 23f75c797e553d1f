#!/usr/bin/env node
// `npx segments-cli` inside the workspace: brings dist/ up to date with the sources (an incremental
// build, ~0.4 s when nothing changed; libs/client with it), then runs the CLI.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const project = join(__dirname, '..');
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', project], { stdio: ['ignore', 2, 2] });
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') {
    process.stderr.write('segments-cli does not build; see the errors above.\n');
    process.exit(2);
  }
  // No TypeScript (an installed copy): run what was built.
}
require(join(project, 'dist', 'main.js'));
