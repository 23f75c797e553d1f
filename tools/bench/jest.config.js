// The bench harness's smoke test (e2e tier): `npx jest -c tools/bench/jest.config.js` (needs `npx tsc -b apps/api` first).
// Like the e2e tests, it uses one Postgres server per run (DATABASE_URL's, or an embedded one).
module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: '.',
  testMatch: ['<rootDir>/*.spec.js'],
  globalSetup: '<rootDir>/../../libs/postgres/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/postgres/src/jest-global-teardown.ts',
};
