export * from './domain-errors';
export * from './error-report';
export * from './oauth-error';
