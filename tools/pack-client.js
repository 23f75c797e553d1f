#!/usr/bin/env node
// Builds the public client package from libs/client: `node tools/pack-client.js [--pack <folder>]`.
//
// In the workspace the client is `@cs/client` and imports `@cs/contracts`; neither is published. This
// script compiles both, and assembles libs/client/dist/package: the client's CommonJS files and type
// declarations, the contracts it uses bundled under contracts/ (imports rewritten to relative paths),
// openapi.json, the README and a package.json named PUBLIC_NAME whose only dependency is openapi-fetch,
// pinned as libs/client/package.json pins it. With --pack it also runs `npm pack` into <folder> and
// prints the tarball's path.
const { execFileSync } = require('node:child_process');
const { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const PUBLIC_NAME = '@customer-segments/client';
const root = resolve(__dirname, '..');
const client = join(root, 'libs', 'client');
const contracts = join(root, 'libs', 'contracts');
const out = join(client, 'dist', 'package');

/** Every file below `folder` whose name passes `keep` (`out` itself left out), as paths relative to `folder`. */
function filesBelow(folder, keep, prefix = '') {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) return join(folder, path) === out ? [] : filesBelow(folder, keep, path);
    return keep(entry.name) ? [path] : [];
  });
}

const compiled = (name) => name.endsWith('.js') || name.endsWith('.d.ts');

/** Copies the compiled files of `from` into `to`, pointing imports of `@cs/contracts` at the bundled copy. */
function copyCompiled(from, to) {
  for (const file of filesBelow(from, compiled)) {
    const target = join(to, file);
    const toContracts = relative(dirname(target), join(out, 'contracts')).replace(/\\/g, '/');
    const specifier = toContracts.startsWith('.') ? toContracts : `./${toContracts}`;
    const text = readFileSync(join(from, file), 'utf8')
      .replace(/(require\(|from |import\()(["'])@cs\/contracts\2/g, `$1$2${specifier}$2`)
      .replace(/\n\/\/# sourceMappingURL=.*$/, '');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

function build() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', client], { stdio: 'inherit' });
  rmSync(out, { recursive: true, force: true });
  copyCompiled(join(contracts, 'dist'), join(out, 'contracts'));
  copyCompiled(join(client, 'dist'), out);

  const leftover = filesBelow(out, compiled).filter((file) => readFileSync(join(out, file), 'utf8').includes('@cs/'));
  if (leftover.length) throw new Error(`Workspace imports left in the package: ${leftover.join(', ')}`);

  const source = JSON.parse(readFileSync(join(client, 'package.json'), 'utf8'));
  const { '@cs/contracts': _bundled, ...dependencies } = source.dependencies;
  const manifest = {
    name: PUBLIC_NAME,
    version: source.version,
    description:
      'Typed client of the Customer Segments service (Emporix-compatible customer segment and management API)',
    license: 'UNLICENSED',
    engines: { node: '>=20.19' },
    main: './index.js',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', require: './index.js', default: './index.js' },
      './openapi.json': './openapi.json',
      './package.json': './package.json',
    },
    sideEffects: false,
    dependencies,
  };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(client, 'README.md'), join(out, 'README.md'));
  cpSync(join(client, 'openapi.json'), join(out, 'openapi.json'));
}

function pack(destination) {
  mkdirSync(destination, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [{ filename }] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', destination], { cwd: out, encoding: 'utf8' }),
  );
  return join(destination, filename);
}

build();
const packAt = process.argv.indexOf('--pack');
console.log(packAt === -1 ? out : pack(resolve(process.argv[packAt + 1] ?? '.')));
