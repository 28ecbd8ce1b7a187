// The preview webview's Content-Security-Policy, built from the webview's cspSource and a per-page nonce.

/** What the CSP depends on. */
export interface CspOptions {
  /** `webview.cspSource` (the origin local resources are served from). */
  cspSource: string;
  /** A fresh random nonce for this page's one script tag. */
  nonce: string;
  /** `block` leaves `https:` out of `img-src`, so no remote image can load even if one slipped through. */
  remoteImages: 'allow' | 'block';
}

/** The preview's CSP: nothing by default, local and (optionally) https images, one nonce'd script, local styles. */
export function previewCsp({ cspSource, nonce, remoteImages }: CspOptions): string {
  const img = remoteImages === 'allow' ? `${cspSource} https: data:` : `${cspSource} data:`;
  return `default-src 'none'; img-src ${img}; script-src 'nonce-${nonce}'; style-src ${cspSource}; base-uri 'none'; form-action 'none'`;
}
