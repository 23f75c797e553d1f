export * from './test-server';
/** For probe routes in tests, declared exactly as feature routes are. */
export { Public, RequiresScopes } from '../app/decorators/auth.decorators';
