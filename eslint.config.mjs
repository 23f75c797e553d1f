import nx from '@nx/eslint-plugin';

/**
 * The layers of apps/api/src/app (docs/architecture.md): each folder may import, besides its own files,
 * packages and libs, only the folders listed for it. `folder/file` allows that one file of a folder.
 * Specs are exempt: they may check a layer together with the ones above it.
 */
const APP_LAYERS = {
  config: [],
  errors: [],
  decorators: [],
  // The trace context of the request in progress, for the outbox and the webhook deliveries.
  tracing: [],
  // The instruments every layer counts with; what they read (pools, backlog) is handed to them from above.
  metrics: ['config'],
  database: ['config', 'errors', 'tracing', 'metrics'],
  filters: ['database', 'errors'],
  common: ['config', 'database', 'decorators', 'errors', 'filters'],
  auth: ['config', 'decorators', 'errors'],
};
const SHARED = ['config', 'errors', 'decorators', 'tracing', 'metrics', 'database', 'filters', 'common'];
/** The features build on the shared folders; a feature imports another only along these edges. */
const FEATURES = {
  // The assignment features build on segments, never the other way (segments/segment-assignments.ts holds what
  // the segment's statements need of the assignment tables).
  segments: SHARED,
  'customer-assignments': [...SHARED, 'segments'],
  'item-assignments': [...SHARED, 'segments', 'catalog'],
  catalog: SHARED,
  // Customer data feeds the membership of automatic segments (segments/memberships.ts), in the writing transaction.
  'customer-management': [...SHARED, 'segments'],
  // Previews, explanations and exclusions of automatic segments.
  'segment-rules': [...SHARED, 'segments'],
  // Readiness reports the event backlog.
  health: [...SHARED, 'events'],
  events: SHARED,
  // Webhooks are a sink of the relay, and run on its pool.
  webhooks: [...SHARED, 'events'],
};
/** The composition root (app/*.ts), which no folder imports. */
const ROOT_FILES = ['app\\.module', 'app\\.factory', 'openapi', 'entities'];

/** `no-restricted-imports` for the files of one folder of apps/api/src/app. */
function layerRule(folder, allowed) {
  const folders = [...Object.keys(APP_LAYERS), ...Object.keys(FEATURES)].filter((name) => name !== folder);
  const denied = folders.filter((name) => !allowed.some((entry) => entry === name || entry.startsWith(`${name}/`)));
  const deniedBut = folders.flatMap((name) => {
    const files = allowed.filter((entry) => entry.startsWith(`${name}/`)).map((entry) => entry.slice(name.length + 1));
    return files.length ? [`${name}/(?!(${files.map((file) => file.replace(/\./g, '\\.')).join('|')})$)`] : [];
  });
  const targets = [...denied.map((name) => `${name}(/|$)`), ...deniedBut, ...ROOT_FILES.map((file) => `${file}$`)];
  return {
    files: [`apps/api/src/app/${folder}/**/*.ts`],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${targets.join('|')})`,
              message: allowed.length
                ? `${folder}/ may import, of the app, only: ${allowed.join(', ')} (docs/architecture.md).`
                : `${folder}/ imports nothing of the app (docs/architecture.md).`,
            },
          ],
        },
      ],
    },
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/*.d.ts', '**/generated/**', '.data/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:client'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:client', 'type:app'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries({ ...APP_LAYERS, ...FEATURES }).map(([folder, allowed]) => layerRule(folder, allowed)),
  {
    // Plain types shared with consumers: no framework, ORM, validation or driver code.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'fastify', '@fastify/*', 'pg'],
              message: 'libs/contracts holds plain types: no framework, ORM, validation or driver imports.',
            },
          ],
        },
      ],
    },
  },
];
