import { DynamicModule, Provider, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { FEATURE_MODULES } from './app.module';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';

/** The repository tokens of the entities a module registers with `TypeOrmModule.forFeature`. */
function registeredBy(module: Type): unknown[] {
  const imports: Array<Type | DynamicModule> = Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? [];
  return imports
    .filter((imported): imported is DynamicModule => 'module' in imported && imported.module === TypeOrmModule)
    .flatMap((imported) =>
      (imported.providers ?? []).map((provider: Provider) => (provider as { provide: unknown }).provide),
    );
}

describe('ENTITIES', () => {
  it('are exactly the tables the modules register, each by one module', () => {
    const registered = [DatabaseModule, ...FEATURE_MODULES].flatMap(registeredBy);
    const listed = ENTITIES.map((entity) => getRepositoryToken(entity));
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...listed].sort());
  });
});
