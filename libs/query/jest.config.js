module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: 'src',
  globalSetup: '<rootDir>/../../postgres/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../postgres/src/jest-global-teardown.ts',
};
