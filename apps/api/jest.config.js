module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: 'src',
  globalSetup: '<rootDir>/../../../libs/postgres/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../../libs/postgres/src/jest-global-teardown.ts',
};
