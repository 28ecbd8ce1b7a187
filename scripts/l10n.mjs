// Localization upkeep: moves package.json's user-facing strings into package.nls.json and collects runtime
// `vscode.l10n.t('…')` and core `msg('…')` strings into l10n/bundle.l10n.json. `--check` fails when anything is missing or untranslated.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const write = (f, v) => fs.writeFileSync(path.join(root, f), `${JSON.stringify(v, null, 2)}\n`);
const LOCALES = ['zh-cn'];

/** Every user-facing string slot of the manifest: [object, property, suggested key]. */
export function manifestSlots(pkg) {
  const slots = [];
  const c = pkg.contributes ?? {};
  slots.push([pkg, 'displayName', 'displayName'], [pkg, 'description', 'description']);
  for (const cmd of c.commands ?? []) {
    slots.push([cmd, 'title', `${cmd.command}.title`]);
    if (cmd.category) slots.push([cmd, 'category', 'category']);
  }
  for (const cfg of [c.configuration ?? []].flat()) {
    slots.push([cfg, 'title', 'configuration.title']);
    for (const [k, p] of Object.entries(cfg.properties ?? {})) {
      for (const f of ['description', 'markdownDescription']) if (p[f]) slots.push([p, f, `${k}.${f}`]);
      (p.enumDescriptions ?? []).forEach((_, i) => slots.push([p.enumDescriptions, i, `${k}.enumDescriptions.${i}`]));
    }
  }
  for (const views of Object.values(c.views ?? {})) for (const v of views) slots.push([v, 'name', `view.${v.id}.name`]);
  for (const [i, w] of (c.walkthroughs ?? []).entries()) {
    slots.push([w, 'title', `walkthrough.${i}.title`], [w, 'description', `walkthrough.${i}.description`]);
    for (const s of w.steps ?? []) slots.push([s, 'title', `walkthrough.${i}.${s.id}.title`], [s, 'description', `walkthrough.${i}.${s.id}.description`]);
  }
  if (pkg.capabilities?.untrustedWorkspaces?.description) slots.push([pkg.capabilities.untrustedWorkspaces, 'description', 'untrustedWorkspaces.description']);
  if (pkg.capabilities?.virtualWorkspaces?.description) slots.push([pkg.capabilities.virtualWorkspaces, 'description', 'virtualWorkspaces.description']);
  return slots;
}

/**
 * The runtime strings: first argument of every `l10n.t('…')` with a literal, and of every `msg('…')` under src/core
 * (core messages the extension shows through `vscode.l10n.t(template, ...args)`).
 */
export function runtimeStrings() {
  const out = new Set();
  const core = path.join(root, 'src', 'core');
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        const calls = [/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g];
        if (p.startsWith(core + path.sep)) calls.push(/\bmsg\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g);
        for (const re of calls) for (const m of src.matchAll(re)) out.add(m[2].replace(/\\(['"`\\])/g, '$1'));
      }
    }
  };
  walk(path.join(root, 'src'));
  return [...out].sort();
}

function sync() {
  const pkg = read('package.json');
  const nls = fs.existsSync(path.join(root, 'package.nls.json')) ? read('package.nls.json') : {};
  for (const [obj, prop, key] of manifestSlots(pkg)) {
    const v = obj[prop];
    if (typeof v !== 'string' || /^%.+%$/.test(v)) continue;
    nls[key] = v;
    obj[prop] = `%${key}%`;
  }
  write('package.json', pkg);
  write('package.nls.json', nls);
  const bundle = Object.fromEntries(runtimeStrings().map((s) => [s, s]));
  fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
  write('l10n/bundle.l10n.json', bundle);
}

/** Problems: %keys% without English or translation, runtime strings without bundle entries or translation. */
export function check() {
  const problems = [];
  const pkg = read('package.json');
  const nls = read('package.nls.json');
  const keys = manifestSlots(pkg).map(([o, p]) => o[p]).filter((v) => typeof v === 'string');
  for (const v of keys) {
    const m = /^%(.+)%$/.exec(v);
    if (!m) { problems.push(`package.json string not localized: ${v}`); continue; }
    if (!(m[1] in nls)) problems.push(`package.nls.json lacks ${m[1]}`);
    for (const loc of LOCALES) {
      const tr = read(`package.nls.${loc}.json`);
      if (!tr[m[1]]) problems.push(`package.nls.${loc}.json lacks ${m[1]}`);
    }
  }
  const bundle = read('l10n/bundle.l10n.json');
  for (const s of runtimeStrings()) {
    if (!(s in bundle)) problems.push(`l10n/bundle.l10n.json lacks "${s}"`);
    for (const loc of LOCALES) {
      const tr = read(`l10n/bundle.l10n.${loc}.json`);
      if (!tr[s]) problems.push(`l10n/bundle.l10n.${loc}.json lacks "${s}"`);
      else {
        const want = [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
        const got = [...tr[s].matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
        if (want !== got) problems.push(`l10n/bundle.l10n.${loc}.json "${s}" has placeholders ${got}, not ${want}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'l10n.mjs')) {
  if (process.argv.includes('--check')) {
    const p = check();
    for (const l of p) console.error(l);
    process.exit(p.length ? 1 : 0);
  } else sync();
}
