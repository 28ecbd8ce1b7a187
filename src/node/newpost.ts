// Node side of New Post: samples the site's posts and template from disk, then creates the file without overwriting.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NewPost } from '../core/newpost';
import { prepareNewPost as prepareSampled, type NewPostRequest } from '../core/newpost-sample';
import type { SiteConfig } from '../core/site';
import { readText } from './files';
import { readFrontMatter } from './posts';

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
export function prepareNewPost(site: SiteConfig, req: NewPostRequest): Promise<NewPost> {
  const at = (rel: string) => { const f = inside(site, rel); if (!f) throw new Error(`${rel} is not inside the site`); return f; };
  return prepareSampled(site, req, {
    list: async (folder) => {
      const dir = inside(site, folder);
      if (!dir) throw new Error(`${folder} is not a folder inside the site`);
      try { return fs.readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isFile: e.isFile() })); } catch { return []; /* a new folder */ }
    },
    frontMatter: async (rel) => readFrontMatter(at(rel)).text,
    size: async (rel) => { const f = inside(site, rel); const st = f && fs.existsSync(f) ? fs.statSync(f) : undefined; return st?.isFile() ? st.size : undefined; },
    text: async (rel) => readText(at(rel)).text,
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
