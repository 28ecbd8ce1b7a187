// Loads Mocha's browser build (it runs in a web worker) and defines describe/it before the suites are evaluated.
import mochaBrowser from 'mocha/mocha.js';

declare const POSTDESK_WEB_GREP: string;

/** The browser build's instance (its `run()` reads no Node API). */
export interface BrowserMocha {
  setup(o: Record<string, unknown>): void; grep(re: RegExp): void;
  run(done: (failures: number) => void): { on(event: string, fn: (test: { fullTitle(): string }, err?: Error) => void): void };
}

/** A reporter that writes nothing itself (index.ts logs each test). */
class Quiet { constructor(_runner: unknown) { /* the run() listeners report */ } }

export const mocha = mochaBrowser as unknown as BrowserMocha;
mocha.setup({ ui: 'bdd', reporter: Quiet, timeout: 60000, color: false });
if (POSTDESK_WEB_GREP) mocha.grep(new RegExp(POSTDESK_WEB_GREP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
