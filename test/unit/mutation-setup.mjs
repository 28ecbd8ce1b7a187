// Mocha setup of the mutation run only (stryker.config.mjs): fewer fast-check runs per property, so each mutant is quick.
import { createRequire } from 'node:module';

// The bundled suites require fast-check's CommonJS build (it is external to the bundles): configure that instance.
createRequire(import.meta.url)('fast-check').configureGlobal({ numRuns: 100 });
