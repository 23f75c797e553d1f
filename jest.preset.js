// Shared Jest settings: SWC compiles TypeScript (with decorator metadata for Nest and TypeORM),
// and workspace libraries resolve to their sources so tests never need a build first.
const path = require('node:path');

const libs = path.join(__dirname, 'libs');

module.exports = {
  testEnvironment: 'node',
  transform: {
    // TypeScript, and the ESM-only packages listed below (Jest's module system needs CommonJS).
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@cs/(contracts|dto|query|client|postgres)$': `${libs}/$1/src/index.ts`,
    '^@cs/api/testing$': `${__dirname}/apps/api/src/testing/index.ts`,
    '^@cs/segments-cli$': `${__dirname}/apps/segments-cli/src/cli.ts`,
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
