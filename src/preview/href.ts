// The http(s) link the preview hands to VS Code, normalised as a browser reads it (no vscode import: unit-tested).

/**
 * The WHATWG-normalised form of an http(s) link (`new URL(h).href`: tabs and line breaks removed, spaces and
 * non-ASCII percent-encoded, the host lower-cased and in punycode), as a browser would follow it; undefined when
 * it is not a valid http(s) URL. `Uri.parse` on the raw text would read some of these differently.
 */
export function externalHref(h: string): string | undefined {
  let url: URL;
  try { url = new URL(h); } catch { return undefined; }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
