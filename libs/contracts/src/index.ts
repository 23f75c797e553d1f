export * from './auth';
export * from './enums';
export * from './errors';
export * from './events';
export * from './scopes';
export * from './languages';
