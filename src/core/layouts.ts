// Which files of `_layouts/` a layout name stands for: one list of extensions for every reader of layouts.

/** The extensions a layout file may have, in the order Post Desk tries them. */
export const LAYOUT_EXTENSIONS: readonly string[] = ['.html', '.htm', '.md', '.markdown', '.liquid', '.xml'];

/**
 * The first value `read` gives for one of the file names of layout `name` (`name.html`, `name.htm`, … in
 * {@link LAYOUT_EXTENSIONS} order); undefined when it gives none. `read` gets the file name below `_layouts/`.
 */
export function findLayout<T>(name: string, read: (fileName: string) => T | undefined): T | undefined {
  for (const ext of LAYOUT_EXTENSIONS) {
    const v = read(`${name}${ext}`);
    if (v !== undefined) return v;
  }
  return undefined;
}
