export * from './domain-errors';
export * from './error-report';
