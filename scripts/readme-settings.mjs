// Generates the README's settings and commands tables from package.json (and package.nls.json) so they cannot drift.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The tables as Markdown, resolving `%key%` strings through package.nls.json. */
export function tables() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nlsFile = path.join(root, 'package.nls.json');
  const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
  const t = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (_, k) => nls[k] ?? s) : s);
  const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
  const configs = [pkg.contributes.configuration ?? []].flat();
  const rows = [];
  for (const c of configs) for (const [key, p] of Object.entries(c.properties ?? {})) {
    const values = p.enum ? p.enum.map((v) => `\`${v}\``).join(', ') : `\`${p.type}\``;
    rows.push(`| \`${key}\` | ${values} | \`${JSON.stringify(p.default)}\` | ${cell(t(p.markdownDescription ?? p.description))} |`);
  }
  const settings = ['| Setting | Values | Default | What it does |', '|---|---|---|---|', ...rows].join('\n');
  const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const cmds = pkg.contributes.commands.filter((c) => !hidden.has(c.command))
    .map((c) => `| ${cell(t(c.category))}: ${cell(t(c.title))} | \`${c.command}\` |`);
  const commands = ['| Command | Id |', '|---|---|', ...cmds].join('\n');
  return { settings, commands };
}

/** README text with the generated blocks replaced. */
export function render(readme) {
  const { settings, commands } = tables();
  return readme
    .replace(/(<!-- settings:start -->\n)[\s\S]*?(\n<!-- settings:end -->)/, `$1${settings}$2`)
    .replace(/(<!-- commands:start -->\n)[\s\S]*?(\n<!-- commands:end -->)/, `$1${commands}$2`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'readme-settings.mjs')) {
  const file = path.join(root, 'README.md');
  const before = fs.readFileSync(file, 'utf8');
  const after = render(before);
  if (process.argv.includes('--check')) {
    if (before !== after) { console.error('README.md tables are out of date: run `npm run readme`'); process.exit(1); }
  } else fs.writeFileSync(file, after);
}
