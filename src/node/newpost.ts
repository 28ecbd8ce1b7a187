// Node side of New Post: samples the site's posts and template from disk, then creates the file without overwriting.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newPost, newPostSettings, type NewPost } from '../core/newpost';
import type { SiteConfig } from '../core/site';
import { readText } from './files';
import { readFrontMatter } from './posts';

/** How many of the newest posts are read to learn the site's conventions. */
const SAMPLES = 50;
/** Largest template read (a template is a post skeleton, not an article). */
const MAX_TEMPLATE = 256 * 1024;

/** What the user asked for. */
export interface NewPostRequest { title: string; categories?: string[]; tags?: string[]; date?: string; now?: number; folder?: string }

/** The site-relative file below the site root, or undefined when it points outside it or through a symlink. */
function inside(site: SiteConfig, rel: string): string | undefined {
  const root = path.resolve(site.root);
  const abs = path.resolve(root, rel);
  if (!abs.startsWith(root + path.sep)) return undefined;
  for (let p = abs; p !== root; p = path.dirname(p)) {
    try { if (fs.lstatSync(p).isSymbolicLink()) return undefined; } catch { /* missing: nothing to follow */ }
  }
  return abs;
}

/** The post `newPost` makes for `req` from the site on disk (the newest posts of the folder as samples). */
export function prepareNewPost(site: SiteConfig, req: NewPostRequest): NewPost {
  const folder = req.folder ?? '_posts';
  const dir = inside(site, folder);
  if (!dir) throw new Error(`${folder} is not a folder inside the site`);
  let names: string[] = [];
  try { names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name); } catch { /* a new folder */ }
  const samples = names.sort().reverse().slice(0, SAMPLES).map((name) => {
    try { return { name, text: readFrontMatter(path.join(dir, name)).text }; } catch { return { name, text: '' }; }
  });
  const tplFile = inside(site, newPostSettings(site).template);
  let template: string | undefined;
  if (tplFile && fs.existsSync(tplFile) && fs.statSync(tplFile).isFile() && fs.statSync(tplFile).size <= MAX_TEMPLATE) template = readText(tplFile).text.replace(/^\uFEFF/, '');
  return newPost({
    site, title: req.title, categories: req.categories, tags: req.tags, date: req.date, now: req.now ?? Date.now(), folder, samples, template,
    exists: (rel) => { const f = inside(site, rel); return !f || fs.existsSync(f); },
  });
}

/** Creates the post's file (its folder too); never overwrites: an existing file is an error. Returns the absolute path. */
export function writeNewPost(site: SiteConfig, post: NewPost): string {
  const file = inside(site, post.rel);
  if (!file) throw new Error(`${post.rel} is not inside the site`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, post.text, { flag: 'wx' });
  return file;
}
