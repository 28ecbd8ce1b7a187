// The preview's messages both ways: one discriminated union, and the validator for what the webview sends.

/** Host → webview: a new render to patch in, or a source position to scroll to. */
export type HostMessage =
  | { type: 'update'; version: number; headerHtml: string; bodyHtml: string; lineOffsets: number[] }
  | { type: 'scrollTo'; offset: number }
  /** Plain text shown above the article (a render over its time budget); cleared by the next update. */
  | { type: 'notice'; text: string };

/** Webview → host. Offsets are source offsets in the previewed document; `href` is the raw link target. */
export type WebviewMessage =
  /** The page's script listens (sent once per page load, with the version the page was written with). */
  | { type: 'ready'; version: number }
  | { type: 'rendered'; version: number }
  | { type: 'scrolled'; offset: number }
  | { type: 'dblclick'; offset: number }
  | { type: 'openLink'; href: string }
  | { type: 'showProblems' }
  /** The mode bar's button: switch `postdesk.preview.mode`. */
  | { type: 'setMode'; mode: 'article' | 'published' };

/** Every preview message (one union, imported by the host and by media/preview.ts). */
export type PreviewMessage = HostMessage | WebviewMessage;

/** What the webview keeps across reloads (`vscode.setState`), read back by the panel serializer. */
export interface PreviewState { uri: string; locked: boolean }

const MAX_OFFSET = 2 ** 31;
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_OFFSET;

/** Validates a message from the webview; anything malformed or unknown is undefined (and ignored). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready': return isOffset(m.version) ? { type: 'ready', version: m.version } : undefined;
    case 'showProblems': return { type: 'showProblems' };
    case 'setMode': return m.mode === 'article' || m.mode === 'published' ? { type: 'setMode', mode: m.mode } : undefined;
    case 'rendered': return isOffset(m.version) ? { type: 'rendered', version: m.version } : undefined;
    case 'scrolled': return isOffset(m.offset) ? { type: 'scrolled', offset: m.offset } : undefined;
    case 'dblclick': return isOffset(m.offset) ? { type: 'dblclick', offset: m.offset } : undefined;
    case 'openLink': return typeof m.href === 'string' && m.href.length > 0 && m.href.length <= 8192 ? { type: 'openLink', href: m.href } : undefined;
    default: return undefined;
  }
}

/** Validates saved webview state (it comes back from disk on reload). */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.uri !== 'string' || s.uri.length > 8192) return undefined;
  return { uri: s.uri, locked: s.locked === true };
}
