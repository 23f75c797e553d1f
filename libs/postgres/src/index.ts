export * from './databases';
export * from './embedded';
export * from './test-server';
export * from './streaming-replica';
