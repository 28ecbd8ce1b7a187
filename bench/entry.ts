// The core entry points the in-process benchmarks (T3, T4) call; scripts/bench.mjs bundles this into bench/out/.
export * as validate from '../src/core/validate';
export * as render from '../src/core/render/index';
export * as parse from '../src/core/parse';
export * as site from '../src/core/site';
export * as yaml from 'yaml';
export * as published from '../src/core/published/index';
export { nodeSiteFiles } from '../src/node/site-files';
// The bare baselines come from the same bundle, so both sides run the same copy of each library.
export { default as MarkdownIt } from 'markdown-it';
export { default as sanitizeHtml } from 'sanitize-html';
