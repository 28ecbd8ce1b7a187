// Starts code-server (real VS Code in a browser) and headless Chromium for the integration and e2e layers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer } from './tools.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** A fresh copy of `sample-site/` (or another folder) in a temp dir, so tests may change it. */
export function copySite(from = path.join(ROOT, 'sample-site')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-site-'));
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/**
 * Starts code-server as its own process group on 127.0.0.1. `testDriver: false` for a person (notifications show);
 * `linkExtension` loads an extension folder as installed; `folder` is what the bare URL opens.
 * @returns {Promise<{port:number, url:string, base:string, stop:()=>Promise<void>, log:()=>string}>}
 */
export async function startCodeServer({ trust = false, extensionsDir, settings = {}, port, quiet = true, installVsix, linkExtension, folder, testDriver = true, env: extraEnv = {} } = {}) {
  const tools = ensureCodeServer();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-vscode-'));
  const dirs = Object.fromEntries(['user', 'ext', 'config', 'data', 'cache', 'tmp'].map((d) => [d, path.join(base, d)]));
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.user, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'chat.disableAIFeatures': true,
    'workbench.welcomePage.walkthroughs.openOnInstall': false, 'security.workspace.trust.startupPrompt': 'never', ...settings,
  }, null, 2));
  const env = { ...process.env, ...extraEnv, POSTDESK_USER_DATA_DIR: dirs.user, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  const common = ['--user-data-dir', dirs.user, '--extensions-dir', extensionsDir ?? dirs.ext];
  // An extension folder linked into the extensions dir as `<publisher>.<name>-<version>` loads like an installed one
  // (no URL payload needed, so the bare URL works too).
  if (linkExtension) {
    const pkg = JSON.parse(fs.readFileSync(path.join(linkExtension, 'package.json'), 'utf8'));
    fs.symlinkSync(linkExtension, path.join(extensionsDir ?? dirs.ext, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');
  }
  if (installVsix) {
    await runToEnd(tools.node, [tools.codeServer, ...common, '--install-extension', installVsix, '--force'], env);
  }
  port ??= await freePort();
  const args = [tools.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common,
    '--disable-telemetry', '--disable-update-check', '--reconnection-grace-time', '5',
    '--disable-getting-started-override'];
  // The smoke-test driver lets tests drive the workbench, but code-server then drops every notification toast: tests only.
  if (testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (!trust) args.push('--disable-workspace-trust');
  // The folder the bare URL opens.
  if (folder) args.push(folder);
  const child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (b) => { out += b; if (!quiet) process.stderr.write(b); };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${out}`);
    try { const r = await fetch(`${url}healthz`); if (r.ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) { killGroup(child); throw new Error(`code-server did not start:\n${out}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    killGroup(child, 'SIGTERM');
    for (let i = 0; i < 30 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
    killGroup(child, 'SIGKILL');
    fs.rmSync(base, { recursive: true, force: true });
  };
  return { port, url, base, child, stop, log: () => out };
}

function runToEnd(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b) => { out += b; });
    p.stderr.on('data', (b) => { out += b; });
    p.on('exit', (code) => code === 0 ? resolve(out) : reject(new Error(`${path.basename(args[1] ?? cmd)} exited ${code}:\n${out}`)));
  });
}

function groupAlive(pid) { try { process.kill(-pid, 0); return true; } catch { return false; } }
function killGroup(child, signal = 'SIGKILL') { try { process.kill(-child.pid, signal); } catch { /* gone */ } }

/** The workbench URL for a folder, optionally loading an extension from source and running tests in it. */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Headless Debian Chromium through playwright-core, with a fresh profile. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const close = async () => { await context.close().catch(() => {}); fs.rmSync(profile, { recursive: true, force: true }); };
  return { context, close };
}
