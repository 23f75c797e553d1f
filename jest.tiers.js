// The named test tiers, across every project with a jest.config.js. A spec file's tier is in its name:
//
//   unit         *.spec.ts, *.spec.js     pure logic: no Postgres, no server (the tier starts neither)
//   db           *.db.spec.ts             unit-level tests against the test run's Postgres (one scratch database per file)
//   e2e          *.e2e.spec.ts, .js       the started service over HTTP (apps/api-e2e, the bench smoke run)
//   reliability  *.reliability.spec.ts    hostile callers, faults, crashes, load (apps/api-e2e/src/reliability)
//
// `npm run test:<tier>` runs one, `TEST_TIER=db,e2e npx jest -c jest.tiers.js [pattern]` several (all without
// TEST_TIER). A tier runs each project's own Jest settings (transform, module mapping) on the project's files of
// that tier; the tiers that need Postgres keep the project's global set-up, which starts one server for the run.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const SPEC = String.raw`\.spec\.[jt]s$`;
const SUFFIXED_TIERS = ['db', 'e2e', 'reliability'];
const ANY_SUFFIX = String.raw`\.(${SUFFIXED_TIERS.join('|')})${SPEC}`;

const TIERS = [
  { name: 'unit', testRegex: SPEC, exclude: [ANY_SUFFIX], postgres: false },
  ...SUFFIXED_TIERS.map((name) => ({ name, testRegex: String.raw`\.${name}${SPEC}`, exclude: [], postgres: true })),
];

/** The workspace folders (package.json `workspaces`, `dir/*` expanded) that have a Jest config. */
function projectFolders() {
  const { workspaces } = require('./package.json');
  return workspaces
    .flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [pattern];
      const parent = pattern.slice(0, -2);
      return readdirSync(path.join(__dirname, parent)).map((name) => `${parent}/${name}`);
    })
    .map((folder) => path.join(__dirname, folder))
    .filter((folder) => existsSync(path.join(folder, 'jest.config.js')));
}

/** Whether `folder` holds a file of `tier` (outside node_modules and dist), so empty projects are left out. */
function holdsTier(folder, tier) {
  const ignored = [/\/node_modules\//, /\/dist\//, ...tier.exclude.map((pattern) => new RegExp(pattern))];
  const test = new RegExp(tier.testRegex);
  return readdirSync(folder, { recursive: true })
    .map((file) => path.join(folder, file))
    .some((file) => test.test(file) && !ignored.some((pattern) => pattern.test(file)));
}

/** `folder`'s Jest project for `tier` (none when it has no files of the tier), and the time-out it asks for. */
function tierProject(tier, folder) {
  // The project's testMatch gives way to the tier's file pattern; the time-out is one for the run (below).
  const { globalSetup, globalTeardown, testMatch, testTimeout, ...config } = require(
    path.join(folder, 'jest.config.js'),
  );
  const rootDir = path.resolve(folder, config.rootDir ?? '.');
  if (!holdsTier(rootDir, tier)) return [];
  const project = {
    ...config,
    rootDir,
    displayName: tier.name,
    testRegex: tier.testRegex,
    testPathIgnorePatterns: [...(config.testPathIgnorePatterns ?? []), ...tier.exclude],
    ...(tier.postgres ? { globalSetup, globalTeardown } : {}),
  };
  return [{ project, testTimeout }];
}

function selectedTiers() {
  const names = process.env.TEST_TIER?.split(',').map((name) => name.trim());
  if (!names) return TIERS;
  const unknown = names.filter((name) => !TIERS.some((tier) => tier.name === name));
  if (unknown.length) throw new Error(`TEST_TIER: no tier ${unknown.join(', ')} (tiers: ${TIERS.map((t) => t.name)})`);
  return TIERS.filter((tier) => names.includes(tier.name));
}

const folders = projectFolders();
const selected = selectedTiers().flatMap((tier) => folders.flatMap((folder) => tierProject(tier, folder)));

module.exports = {
  projects: selected.map(({ project }) => project),
  // Jest takes the time-out of the run, not of each project: the longest one of the selected projects asks for.
  testTimeout: Math.max(5000, ...selected.map(({ testTimeout }) => testTimeout ?? 0)),
};
