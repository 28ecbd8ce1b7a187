// Mutation testing of src/core (`npm run test:mutation`): Stryker mutates the TypeScript, esbuild bundles the unit
// suites from the mutated sources inside Stryker's sandbox, and the mocha runner runs them per mutant.
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
// The sandbox lives in .stryker-tmp/: point the suites at the real ../shared test data.
process.env.POSTDESK_SHARED ??= path.resolve(root, '..', 'shared');
// The suites that exercise src/core in process (the CLI suites run dist/ in a child process, which is not mutated).
const SUITES = (process.env.POSTDESK_MUTATION_SUITES ?? 'date,fix-properties,messages,parse,parse-fast,rules,rules-stock-fixes,site,stock,taxonomy,render,render-sanitize,corpus-check').split(',');
// What to mutate: all of src/core by default; POSTDESK_MUTATE narrows it (comma-separated globs).
const MUTATE = (process.env.POSTDESK_MUTATE ?? 'src/core/**/*.ts').split(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: [...MUTATE, '!src/core/types.ts'],
  buildCommand: `node scripts/lib/build-unit.mjs ${SUITES.join(' ')}`,
  mochaOptions: { spec: SUITES.map((s) => `out/unit/${s}.test.js`), config: 'test/unit/mocharc.mutation.json', require: ['test/unit/mutation-setup.mjs'] },
  coverageAnalysis: 'perTest',
  ignorePatterns: ['dist', 'out', 'bench/out', 'reports', '*.vsix'],
  tempDirName: '.stryker-tmp',
  concurrency: Number(process.env.POSTDESK_MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  cleanTempDir: true,
};
