export * from './databases';
export * from './embedded';
export * from './test-server';
