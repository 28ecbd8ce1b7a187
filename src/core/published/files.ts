// The narrow view of a site's files the published renderer reads: the CLI backs it with Node fs, the editor with vscode.workspace.fs.

/** Read-only access to a site's files by POSIX path relative to the site root; no path leaves the site. */
export interface SiteFiles {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(relPath: string): string | undefined;
  /** The names (not paths) of the entries of a folder; empty when it does not exist. */
  list(dir: string): string[];
}

/** Normalises a site-relative path: POSIX separators, no `.` segments; undefined when it climbs out (`..`) of the root. */
export function cleanPath(rel: string): string | undefined {
  const out: string[] = [];
  for (const seg of rel.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (!out.length) return undefined; out.pop(); continue; }
    out.push(seg);
  }
  return out.join('/');
}

/**
 * The site's files first, then a gem theme's (Jekyll's lookup order for `_layouts`, `_includes`, `_sass`, `assets`).
 * Records each path found in neither in `missing`.
 */
export function layeredFiles(site: SiteFiles, theme: SiteFiles | undefined, missing?: Set<string>): SiteFiles {
  return {
    read(rel) {
      const p = cleanPath(rel);
      if (p === undefined) return undefined;
      const text = site.read(p) ?? theme?.read(p);
      if (text === undefined) missing?.add(p);
      return text;
    },
    list(dir) {
      const p = cleanPath(dir);
      if (p === undefined) return [];
      return [...new Set([...site.list(p), ...(theme?.list(p) ?? [])])];
    },
  };
}

/** An in-memory {@link SiteFiles} (tests, and the editor's unsaved documents layered over the disk). */
export function memoryFiles(files: Readonly<Record<string, string>>): SiteFiles {
  return {
    read: (rel) => { const p = cleanPath(rel); return p !== undefined && Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined; },
    list: (dir) => {
      const p = cleanPath(dir);
      if (p === undefined) return [];
      const prefix = p ? `${p}/` : '';
      return [...new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]))];
    },
  };
}
