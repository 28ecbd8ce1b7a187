// Jekyll's Liquid tags for liquidjs: include (with parameters), include_relative, post_url, link, highlight; plugin tags skipped.
import { Hash, Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { escapeHtml } from '../render/header';

/** What the tags read from the site and where they report. */
export interface TagSite {
  /** Reads a site file (site first, then theme); undefined when missing. */
  read(rel: string): string | undefined;
  /** Site-relative folder of the template being rendered (for include_relative); the post's by default. */
  dir: string;
  /** The URL of a post named `YYYY-MM-DD-slug` (post_url), or of any site file by path (link). */
  postUrl(name: string): string | undefined;
  linkUrl(path: string): string | undefined;
  /** Includes and files that could not be found. */
  missing: Set<string>;
  /** Plugin tags rendered as nothing. */
  skipped: Set<string>;
}

/** Tags liquidjs or this module implement; any other `{% name %}` in a template is a plugin tag and is skipped. */
const KNOWN = new Set(['assign', 'capture', 'case', 'comment', 'cycle', 'decrement', 'echo', 'for', 'break', 'continue', 'if', 'increment', 'inline_comment', 'layout', 'liquid', 'raw', 'render', 'tablerow', 'unless', 'include', 'include_relative', 'post_url', 'link', 'highlight', 'block', '#']);
const MAX_INCLUDE_DEPTH = 50;
const TAG_NAME = /\{%-?\s*([A-Za-z_][\w-]*)/g;

/** Names of unknown (plugin) tags used in a template, registered as no-ops so parsing succeeds. */
export function registerPluginTags(engine: Liquid, text: string, site: TagSite): void {
  for (const m of text.matchAll(TAG_NAME)) {
    const name = m[1];
    if (KNOWN.has(name) || name.startsWith('end') || name === 'else' || name === 'elsif' || name === 'when') continue;
    if ((engine.tags as Record<string, unknown>)[name]) continue;
    engine.registerTag(name, class extends Tag {
      render(): void { site.skipped.add(name); }
    });
  }
}

/** Parses `file.html a=1 b="x"` into the file expression and the parameter markup. */
function splitInclude(args: string): { file: string; params: string } {
  // By hand, in one pass (the one-regex form backtracks polynomially): `{{ … }}` on one line, a quoted name, or a word.
  const s = args.trimStart();
  if (!s) return { file: '', params: '' };
  const word = () => { let i = 0; while (i < s.length && !/\s/.test(s[i])) i++; return i; };
  let end = -1;
  if (s.startsWith('{{')) {
    const c = s.indexOf('}}', 2);
    if (c >= 0 && !/[\n\r\u2028\u2029]/.test(s.slice(2, c))) end = c + 2;
  } else if (s[0] === '"' || s[0] === "'") {
    const q = s.indexOf(s[0], 1);
    if (q >= 0) end = q + 1;
  }
  if (end < 0) end = word();
  return { file: s.slice(0, end), params: s.slice(end).trimStart() };
}

/**
 * Registers include, include_relative, post_url, link, highlight on an engine. Included files are read on every use and
 * parsed through `parse` (a cache keyed by text: an edited include is parsed again, an unchanged one never).
 */
export function registerJekyllTags(engine: Liquid, site: TagSite, parse: (src: string, name: string) => Template[] = (src, name) => engine.parse(src, name)): void {
  let depth = 0;
  const load = (rel: string): Template[] | undefined => {
    const text = site.read(rel);
    if (text === undefined) { site.missing.add(rel); return undefined; }
    registerPluginTags(engine, text, site);
    return parse(text, rel);
  };
  const includeTag = (folder: (ctxDir: string) => string) => class extends Tag {
    private file: string;
    private hash: Hash;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const { file, params } = splitInclude(token.args);
      this.file = file;
      this.hash = new Hash(params, true);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = /^["']/.test(this.file) ? this.file.slice(1, -1)
        : this.file.includes('{{') ? (yield this.liquid.parseAndRender(this.file, ctx.getAll() as object)) as string : this.file;
      const params = (yield this.hash.render(ctx)) as Record<string, unknown>;
      const rel = `${folder(site.dir)}${name.trim()}`;
      const templates = load(rel);
      if (!templates) return;
      // Jekyll has no depth limit but a self-including include never ends; 50 levels is far beyond real sites.
      if (depth >= MAX_INCLUDE_DEPTH) throw new Error(`includes nested more than ${MAX_INCLUDE_DEPTH} levels deep at ${rel}`);
      depth++;
      ctx.push({ include: params });
      try { yield this.liquid.renderer.renderTemplates(templates, ctx, emitter); } finally { ctx.pop(); depth--; }
    }
  };
  engine.registerTag('include', includeTag(() => '_includes/'));
  engine.registerTag('include_relative', includeTag((dir) => (dir ? `${dir}/` : '')));
  engine.registerTag('post_url', class extends Tag {
    render(_ctx: Context, emitter: Emitter): void {
      const name = this.token.args.trim();
      const url = site.postUrl(name);
      if (url === undefined) site.missing.add(`_posts/${name}`);
      emitter.write(url ?? '');
    }
  });
  engine.registerTag('link', class extends Tag {
    render(_ctx: Context, emitter: Emitter): void {
      const p = this.token.args.trim();
      const url = site.linkUrl(p);
      if (url === undefined) site.missing.add(p);
      emitter.write(url ?? '');
    }
  });
  engine.registerTag('highlight', class extends Tag {
    private lang: string;
    private code = '';
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.lang = token.args.trim().split(/\s+/)[0] ?? '';
      // The body is raw text up to endhighlight (Jekyll does not render Liquid inside it).
      while (remain.length) {
        const t = remain.shift()!;
        if ((t as TagToken).name === 'endhighlight') return;
        this.code += t.getText();
      }
    }
    render(_ctx: Context, emitter: Emitter): void {
      const lang = escapeHtml(this.lang);
      emitter.write(`<figure class="highlight"><pre><code class="language-${lang}" data-lang="${lang}">${escapeHtml(this.code.replace(/^\n|\n$/g, ''))}</code></pre></figure>`);
    }
  });
}
