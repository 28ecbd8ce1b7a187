// What the published renderer keeps between renders of one site: the Liquid engine, parsed templates, the site's lists.
import type { Liquid, Template } from 'liquidjs';
import type { TagSite } from './tags';
import type { PostRead, SiteModel } from './drops';
import { parsePost } from '../parse';

/** Parsed templates kept per cache; past this the oldest half goes (a template is keyed by its text, so edits add entries). */
const MAX_TEMPLATES = 400;

/**
 * One site's render cache. Templates (layouts, includes, the post's body) are keyed by their text, so an edited layout
 * is parsed again without any invalidation; the site's lists (posts, pages, data) and the engine (bound to
 * `_config.yml`) live until {@link PublishedCache.clear}, which the editor calls from its file watchers.
 */
export class PublishedCache {
  /** The `_config.yml` text the engine was built for. */
  configText: string | undefined;
  engine: Liquid | undefined;
  /** The mutable site view the engine's tags read (reset for each render). */
  tagSite: TagSite | undefined;
  /** The site model read from `_config.yml` (its `now` is replaced per render). */
  site: SiteModel | undefined;
  /** The names in `_layouts/` (site and theme). */
  layoutNames: string[] | undefined;
  posts: PostRead[] | undefined;
  pages: Record<string, unknown>[] | undefined;
  data: Record<string, unknown> | undefined;
  private readonly templates = new Map<string, Template[]>();
  private readonly layouts = new Map<string, { data: Record<string, unknown>; body: string }>();
  /** Templates parsed since the cache was made (tests and the bench read it). */
  parses = 0;

  /** The parsed `src`, parsed with `engine` at most once while it is cached. */
  parse(engine: Liquid, src: string, name: string): Template[] {
    let t = this.templates.get(src);
    if (t) return t;
    t = engine.parse(src, name);
    this.parses++;
    if (this.templates.size >= MAX_TEMPLATES) for (const k of [...this.templates.keys()].slice(0, MAX_TEMPLATES / 2)) this.templates.delete(k);
    this.templates.set(src, t);
    return t;
  }

  /** A layout file's front matter and body, read once per text. */
  layout(text: string): { data: Record<string, unknown>; body: string } {
    let l = this.layouts.get(text);
    if (!l) {
      const p = parsePost(text);
      l = { data: p.data, body: text.slice(p.body.start) };
      if (this.layouts.size >= MAX_TEMPLATES) this.layouts.clear();
      this.layouts.set(text, l);
    }
    return l;
  }

  /** Forgets everything (a file of the site changed). */
  clear(): void {
    this.configText = undefined;
    this.site = undefined;
    this.layoutNames = undefined;
    this.layouts.clear();
    this.engine = undefined;
    this.tagSite = undefined;
    this.posts = undefined;
    this.pages = undefined;
    this.data = undefined;
    this.templates.clear();
  }
}
