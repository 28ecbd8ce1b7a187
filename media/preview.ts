// The preview webview's script: patches renders in with morphdom, syncs scrolling both ways, routes clicks to the host.
import morphdom from 'morphdom';
import type { HostMessage, PreviewState, WebviewMessage } from '../src/preview/messages';

interface VsCodeApi { postMessage(m: unknown): void; setState(s: unknown): void; getState(): unknown }
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const post = (m: WebviewMessage) => api.postMessage(m);

interface Initial { uri: string; locked: boolean; version: number; lineOffsets: number[] }
const initial = JSON.parse(document.body.dataset.state ?? '{}') as Initial;
let lineOffsets: number[] = Array.isArray(initial.lineOffsets) ? initial.lineOffsets : [];
const saved = api.getState() as (PreviewState & { scrollY?: number }) | undefined;
const saveState = () => api.setState({ uri: initial.uri, locked: initial.locked, scrollY: window.scrollY });
saveState();

/** Parses HTML inertly (a template: no script runs, no image loads before insertion). */
function fragment(id: string, tag: string, cls: string, html: string): Element {
  const t = document.createElement('template');
  t.innerHTML = `<${tag} id="${id}"${cls ? ` class="${cls}"` : ''}>${html}</${tag}>`;
  return t.content.firstElementChild as Element;
}

/** Elements with a source position, in document order, with their offsets. */
function anchors(): { el: HTMLElement; offset: number }[] {
  const out: { el: HTMLElement; offset: number }[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('#pd-body [data-offset], #pd-body [data-line]'))) {
    const o = el.dataset.offset !== undefined ? Number(el.dataset.offset) : lineOffsets[Number(el.dataset.line)];
    if (Number.isFinite(o) && el.getClientRects().length > 0) out.push({ el, offset: o });
  }
  return out;
}

let ignoreScrollUntil = 0;

/** Scrolls so that source `offset` is at the top, interpolating between the anchors around it. */
function scrollToOffset(offset: number): void {
  const list = anchors();
  let prev: { el: HTMLElement; offset: number } | undefined;
  let next: { el: HTMLElement; offset: number } | undefined;
  for (const a of list) {
    if (a.offset <= offset && (!prev || a.offset >= prev.offset)) prev = a;
    if (a.offset > offset && (!next || a.offset < next.offset)) next = a;
  }
  let y = 0;
  if (prev) {
    const top = prev.el.getBoundingClientRect().top + window.scrollY;
    const end = next ? next.el.getBoundingClientRect().top + window.scrollY : top + prev.el.getBoundingClientRect().height;
    const span = next ? next.offset - prev.offset : 1;
    y = top + Math.max(0, end - top) * Math.min(1, (offset - prev.offset) / Math.max(1, span));
  }
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo(0, Math.max(0, y - 4));
}

/** The source offset at the top of the viewport (interpolated), or 0 above the first anchor. */
function offsetAtTop(): number {
  const list = anchors();
  let best: { a: { el: HTMLElement; offset: number }; top: number } | undefined;
  let after: { a: { el: HTMLElement; offset: number }; top: number } | undefined;
  for (const a of list) {
    const top = a.el.getBoundingClientRect().top;
    if (top <= 1) { if (!best || top >= best.top) best = { a, top }; } else if (!after || top < after.top) after = { a, top };
  }
  if (!best) return 0;
  if (!after || after.a.offset <= best.a.offset) return best.a.offset;
  const f = Math.min(1, -best.top / Math.max(1, after.top - best.top));
  return Math.round(best.a.offset + f * (after.a.offset - best.a.offset));
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as HostMessage;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'update' && typeof m.bodyHtml === 'string' && typeof m.headerHtml === 'string') {
    const head = document.getElementById('pd-head');
    const body = document.getElementById('pd-body');
    if (head) morphdom(head, fragment('pd-head', 'div', '', m.headerHtml));
    if (body) morphdom(body, fragment('pd-body', 'article', 'pd-body', m.bodyHtml));
    if (Array.isArray(m.lineOffsets)) lineOffsets = m.lineOffsets;
    document.getElementById('pd-notice')?.remove();
    post({ type: 'rendered', version: m.version });
  } else if (m.type === 'notice' && typeof m.text === 'string') {
    let n = document.getElementById('pd-notice');
    if (!n) {
      n = document.createElement('div');
      n.id = 'pd-notice';
      n.className = 'pd-notice';
      n.setAttribute('role', 'status');
      document.body.insertBefore(n, document.body.firstChild);
    }
    n.textContent = m.text;
  } else if (m.type === 'scrollTo' && typeof m.offset === 'number') {
    scrollToOffset(m.offset);
  }
});

let pending = false;
window.addEventListener('scroll', () => {
  saveState();
  if (Date.now() < ignoreScrollUntil || pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; post({ type: 'scrolled', offset: offsetAtTop() }); });
}, { passive: true });

// VS Code's webview frame opens clicked links itself (a window listener, bubble phase); capturing on the window first
// and stopping the event keeps every link decision with the host's validated `openLink` handler.
function onLinkClick(e: MouseEvent): void {
  const target = e.target as Element | null;
  const modeButton = target?.closest<HTMLElement>('[data-pd-mode]');
  if (modeButton) {
    e.preventDefault();
    e.stopImmediatePropagation();
    const mode = modeButton.dataset.pdMode;
    if (e.type === 'click' && (mode === 'article' || mode === 'published')) post({ type: 'setMode', mode });
    return;
  }
  if (target?.closest('.pd-problems')) { e.preventDefault(); e.stopImmediatePropagation(); if (e.type === 'click') post({ type: 'showProblems' }); return; }
  const a = target?.closest('a');
  if (!a) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  const href = a.getAttribute('href');
  if (href && e.type === 'click' && e.button === 0) post({ type: 'openLink', href });
}
window.addEventListener('click', onLinkClick, true);
window.addEventListener('auxclick', onLinkClick, true);

document.addEventListener('dblclick', (e) => {
  const el = (e.target as Element | null)?.closest<HTMLElement>('[data-offset], [data-line]');
  if (!el) return;
  const o = el.dataset.offset !== undefined ? Number(el.dataset.offset) : lineOffsets[Number(el.dataset.line)];
  if (Number.isFinite(o)) post({ type: 'dblclick', offset: o });
});

if (saved && saved.uri === initial.uri && typeof saved.scrollY === 'number') window.scrollTo(0, saved.scrollY);
post({ type: 'rendered', version: initial.version });
// Last: every listener is in place, so what the host kept for this page (PageGate) reaches it.
post({ type: 'ready', version: initial.version });
