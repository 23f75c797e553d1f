#!/usr/bin/env node
// Applies pending migrations to DATABASE_URL (for deployments that start with DB_RUN_MIGRATIONS=false).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required.');
  process.exit(2);
}
require('../apps/api/dist/app/database/schema-diff')
  .runMigrations(url)
  .then((applied) => console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.'))
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
