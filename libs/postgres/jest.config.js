module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: 'src',
  globalSetup: '<rootDir>/jest-global-setup.ts',
  globalTeardown: '<rootDir>/jest-global-teardown.ts',
};
