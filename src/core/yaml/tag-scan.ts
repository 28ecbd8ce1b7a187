// libyaml's scan of a tag (handle, suffix, URI escapes), shared by the libyaml view and the token scanner.
import { isBreak } from './chars';

/** A tag libyaml cannot scan: its message and offsets. */
export interface TagError { message: string; start: number; end: number }

// What a tag's URI may hold (libyaml 0.2.5): ASCII word characters and these marks; `%` starts an escaped octet.
const URI_CHAR = /[0-9A-Za-z_\-;/?:@&=+$.!~*'()%]/;

/**
 * libyaml's scan of the tag at `src[i]` (`!`, `!x`, `!!str`, `!<…>`): the offset after it, or the error Psych raises: a
 * named handle (`!a!b`: no `%TAG` can precede front matter; after the scanner's errors), `!!` without a suffix, a `%` not followed by two hex
 * digits, or anything but a blank or a line break after it (a `,` too in a flow collection): `!x[y]`, `!é`, `!x#`.
 */
export function scanTag(src: string, i: number, flow: boolean): { end: number } | { error: TagError } {
  const fail = (message: string) => ({ error: { message: `${message} (libyaml, and so Jekyll, cannot read this tag).`, start: i, end: i + 1 } });
  let j = i + 1;
  // A named handle (`!a!x`): an error of the parser, raised after what the scanner finds wrong in the rest of the tag.
  let named = false;
  if (src[j] === '<') {
    j++;
    while (j < src.length && (URI_CHAR.test(src[j]) || src[j] === ',' || src[j] === '[' || src[j] === ']')) {
      const e = src[j] === '%' ? uriEscape(src, j) : j + 1;
      if (typeof e === 'string') return fail(e);
      j = e;
    }
    if (src[j] !== '>' || j === i + 2) return fail("Did not find the expected '>' while scanning a tag");
    j++;
  } else {
    while (j < src.length && /[0-9A-Za-z_-]/.test(src[j])) j++;
    if (src[j] === '!') {
      named = j > i + 1;
      j++;
      if (!URI_CHAR.test(src[j] ?? '')) return fail('Did not find expected tag URI');
    }
    while (j < src.length && URI_CHAR.test(src[j])) {
      const e = src[j] === '%' ? uriEscape(src, j) : j + 1;
      if (typeof e === 'string') return fail(e);
      j = e;
    }
  }
  const after = src.charCodeAt(j);
  if (j < src.length && after !== 32 && after !== 9 && !isBreak(after) && !(flow && after === 44)) return fail('Did not find expected whitespace or line break while scanning a tag');
  return named ? fail('Found undefined tag handle') : { end: j };
}

/**
 * libyaml's scan_uri_escapes at the `%` at `j`: the `%XX` octets of one UTF-8 character (a leading octet, then as many
 * continuation octets as it announces, each escaped): the offset after them, or libyaml's error (`!%EA9`: an error).
 */
function uriEscape(src: string, j: number): number | string {
  let width = 0;
  do {
    if (src[j] !== '%' || !/^[0-9A-Fa-f]{2}$/.test(src.slice(j + 1, j + 3))) return 'Did not find URI escaped octet';
    const octet = parseInt(src.slice(j + 1, j + 3), 16);
    if (!width) {
      width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
      if (!width) return 'Found an incorrect leading UTF-8 octet';
    } else if ((octet & 0xc0) !== 0x80) return 'Found an incorrect trailing UTF-8 octet';
    j += 3;
  } while (--width);
  return j;
}
