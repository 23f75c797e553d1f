import { DEV_CLIENT, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working local defaults: embedded database, built-in issuer with the dev client, Swagger on', () => {
    const config = loadConfig({});
    expect(config.db.url).toBeUndefined();
    expect(config.auth.issuerEnabled).toBe(true);
    expect(config.auth.clients).toEqual([DEV_CLIENT]);
    expect(config.http.swaggerEnabled).toBe(true);
    expect(config.port).toBe(3000);
  });

  it('turns the built-in issuer off in production and then requires a JWKS URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL/);
    const config = loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example.com/jwks' });
    expect(config.auth.issuerEnabled).toBe(false);
    expect(config.auth.clients).toEqual([]);
  });

  it('names every invalid setting in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DB_POOL_SIZE: '0', LOG_LEVEL: 'loud', DATABASE_URL: 'not a url', AUTH_CLIENTS: '{' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL[\s\S]*DATABASE_URL[\s\S]*DB_POOL_SIZE[\s\S]*AUTH_CLIENTS/,
    );
  });

  it('reads clients from JSON', () => {
    const config = loadConfig({ AUTH_CLIENTS: JSON.stringify([{ clientId: 'a', clientSecret: 'b', scopes: ['customersegment.segment_read'], tenants: ['acme'] }]) });
    expect(config.auth.clients).toEqual([{ clientId: 'a', clientSecret: 'b', scopes: ['customersegment.segment_read'], tenants: ['acme'], customerTokens: false }]);
    expect(() => loadConfig({ AUTH_CLIENTS: JSON.stringify([{ clientId: 'a', clientSecret: 'b', scopes: ['nope'] }]) })).toThrow(/AUTH_CLIENTS/);
  });
});
