import { databaseAddress, describeAddress, mayComeUp } from './wait-for-database';

describe('databaseAddress', () => {
  it('names database, host and port, never the credentials', () => {
    const address = databaseAddress('postgres://app:s3cret%21@db.internal:6432/segments?sslmode=require');
    expect(address).toEqual({ host: 'db.internal', port: 6432, database: 'segments' });
    expect(describeAddress(address)).toBe('database segments at db.internal:6432');
  });

  it("takes libpq's defaults and its host parameter", () => {
    expect(databaseAddress('postgres://app@localhost')).toEqual({ host: 'localhost', port: 5432, database: 'app' });
    expect(databaseAddress('postgres:///segments?host=/var/run/postgresql')).toEqual({
      host: '/var/run/postgresql',
      port: 5432,
      database: 'segments',
    });
  });
});

describe('mayComeUp', () => {
  const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

  it('waits for a server that is not there yet, or still starting', () => {
    expect(mayComeUp(withCode('ECONNREFUSED'))).toBe(true);
    expect(mayComeUp(withCode('ENOTFOUND'))).toBe(true);
    expect(mayComeUp(withCode('57P03', 'the database system is starting up'))).toBe(true);
    // A host name with two addresses, both refused.
    expect(mayComeUp(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(mayComeUp(new Error('Connection terminated due to connection timeout'))).toBe(true);
  });

  it('does not wait for what waiting cannot cure', () => {
    expect(mayComeUp(withCode('28P01', 'password authentication failed for user "app"'))).toBe(false);
    expect(mayComeUp(withCode('3D000', 'database "nope" does not exist'))).toBe(false);
  });
});
