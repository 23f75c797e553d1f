#!/usr/bin/env node
// Writes a migration with the SQL that brings the migrated schema to what the entities describe.
// Usage: npm run migration:generate -- <Name>   (runs against DATABASE_URL's server or an embedded one)
const { writeFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { withScratchDatabase } = require('./lib/scratch-database');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}

withScratchDatabase(async (url) => {
  const { migrateAndDiff } = require('../apps/api/dist/app/database/schema-diff');
  const { ENTITIES } = require('../apps/api/dist/app/entities');
  const diff = await migrateAndDiff(url, ENTITIES);
  if (!diff.up.length) {
    console.log('The schema matches the entities: no migration needed.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  const lines = (queries) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  const dir = join(__dirname, '../apps/api/src/app/database/migrations');
  writeFileSync(
    join(dir, `${file}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`,
  );
  const index = join(dir, 'index.ts');
  const source = `import { ${className} } from './${file}';\n${readFileSync(index, 'utf8')}`.replace(
    /export const MIGRATIONS = \[([^\]]*)\];/,
    (_, list) =>
      `export const MIGRATIONS = [${[
        ...list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        className,
      ].join(', ')}];`,
  );
  writeFileSync(index, source);
  console.log(`Wrote apps/api/src/app/database/migrations/${file}.ts (${diff.up.length} statements)`);
});
