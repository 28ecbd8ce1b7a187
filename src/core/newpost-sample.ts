// New Post's reading of a site (the newest posts' names and front matter, the template) through a host's async files.
import { newPost, newPostSettings, type NewPost } from './newpost';
import type { SiteConfig } from './site';
import { trimChar } from './text';

/** How many of the newest posts are read to learn the site's conventions. */
export const NEW_POST_SAMPLES = 50;
/** Largest template read (a template is a post skeleton, not an article). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** What the user asked for. */
export interface NewPostRequest { title: string; categories?: readonly string[]; tags?: readonly string[]; date?: string; now?: number; folder?: string }

/** What New Post reads of a site through the host (Node's `fs` or `workspace.fs`); paths are site-relative, POSIX. */
export interface NewPostFiles {
  /** The entries of a folder and whether each is a regular file; [] when the folder does not exist. Throws to refuse the folder. */
  list(folder: string): Promise<{ name: string; isFile: boolean }[]>;
  /** A file's text up to the end of its front matter (the rest is not needed). */
  frontMatter(rel: string): Promise<string>;
  /** A regular file's size in bytes; undefined when there is none. */
  size(rel: string): Promise<number | undefined>;
  /** A file's text. */
  text(rel: string): Promise<string>;
}

/**
 * The post {@link newPost} makes for `req` from the site `files` shows: the newest {@link NEW_POST_SAMPLES} file
 * names of the folder (by name, descending) with their front matter as samples, the template when it is at most
 * {@link MAX_TEMPLATE_BYTES} (without a BOM), and the folder's entries as the names already taken.
 */
export async function prepareNewPost(site: SiteConfig, req: NewPostRequest, files: NewPostFiles): Promise<NewPost> {
  const folder = trimChar(req.folder ?? '_posts', '/');
  const entries = await files.list(folder);
  const taken = new Set(entries.map((e) => `${folder}/${e.name}`));
  const names = entries.filter((e) => e.isFile).map((e) => e.name).sort().reverse().slice(0, NEW_POST_SAMPLES);
  const samples = await Promise.all(names.map(async (name) => {
    try { return { name, text: await files.frontMatter(`${folder}/${name}`) }; } catch { return { name, text: '' }; }
  }));
  const tpl = newPostSettings(site).template;
  let template: string | undefined;
  try {
    const size = await files.size(tpl);
    if (size !== undefined && size <= MAX_TEMPLATE_BYTES) template = (await files.text(tpl)).replace(/^\uFEFF/, '');
  } catch { /* no readable template */ }
  return newPost({
    site, title: req.title, categories: req.categories, tags: req.tags, date: req.date, now: req.now ?? Date.now(), folder, samples, template,
    exists: (rel) => taken.has(rel),
  });
}
