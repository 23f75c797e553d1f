import { exportOpenApiDocument } from './openapi-export';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

describe('route access', () => {
  it('declares for every route either scopes or public access, and the snapshot shows who can reach what', async () => {
    const document = await exportOpenApiDocument();
    const access: Record<string, string> = {};
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method] as
          (Record<string, unknown> & { security?: Array<Record<string, string[]>> }) | undefined;
        if (!operation) continue;
        const scopes = operation['x-scopes'] as string[] | undefined;
        const key = `${method.toUpperCase()} ${path}`;
        if (operation['x-public'] === true) access[key] = 'public';
        else if (scopes?.length) {
          expect(operation.security).toEqual([{ OAuth2: scopes }]);
          access[key] = scopes.join(' | ');
        } else access[key] = 'UNDECLARED';
      }
    }
    expect(Object.entries(access).filter(([, value]) => value === 'UNDECLARED')).toEqual([]);
    expect(access).toMatchSnapshot();
  });
});
