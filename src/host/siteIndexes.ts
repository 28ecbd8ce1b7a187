// The workspace model's taxonomy indexes, one per site, and one version number that moves when a post's Jekyll view does.
import type { SiteConfig } from '../core/site';
import { frontMatterSlice, TaxonomyIndex } from '../core/taxonomy/index';

/** Every site's taxonomy index, filled as posts are analysed; `version` moves only when a view changed or went. */
export class SiteIndexes {
  private readonly indexes = new Map<string, TaxonomyIndex>();
  private version_ = 0;

  /** Moves whenever a post's Jekyll view (taxonomy, date, title, published) changed or went. */
  get version(): number { return this.version_; }

  /** The taxonomy index of `site` (a new one when the site's config changed). */
  of(site: SiteConfig): TaxonomyIndex {
    let idx = this.indexes.get(site.root);
    if (!idx || idx.site !== site) { idx = new TaxonomyIndex(site); this.indexes.set(site.root, idx); }
    return idx;
  }

  /** Every site's index, by site root. */
  all(): [string, TaxonomyIndex][] {
    return [...this.indexes.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  /**
   * Puts a post's Jekyll view (from `text`, the post's content: only its front matter is kept) in its site's index;
   * the version moves only when the view differs from the one held (a keystroke in a body changes no taxonomy:
   * nothing downstream recounts 20,000 posts for it).
   */
  update(site: SiteConfig, file: string, text: string, opts: { invalidUtf8: boolean; mtimeMs?: number }): void {
    const idx = this.of(site);
    const before = idx.get(file);
    if (idx.update(file, frontMatterSlice(text) ?? text, opts) !== before) this.version_++;
  }

  /** Takes `file` out of every index. */
  remove(file: string): void {
    for (const idx of this.indexes.values()) if (idx.remove(file)) this.version_++;
  }

  /** Drops every index (a new scan fills them again). */
  clear(): void {
    for (const idx of this.indexes.values()) idx.clear();
    this.indexes.clear();
    this.version_++;
  }
}
