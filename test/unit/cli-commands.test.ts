// The lazy command table of the CLI, and readFrontMatter's one-buffer reads (moved from the removed worker-thread suite).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/main';
import { frontMatterBytes } from '../../src/core/taxonomy/index';
import { decodeText } from '../../src/core/parse';
import { readFrontMatter } from '../../src/node/posts';
import { info } from '../../src/cli/info';
import { render } from '../../src/cli/render';
import { strip } from '../../src/cli/strip';
import { check } from '../../src/cli/check';
import { taxonomy } from '../../src/cli/taxonomy';
import { posts } from '../../src/cli/posts';
import { add } from '../../src/cli/add';
import { newCommand } from '../../src/cli/new';

describe('postdesk command table', () => {
  it('lists each command with the name, summary and usage of its module (loaded only to run)', () => {
    const modules = [info, render, strip, check, taxonomy, posts, newCommand, add];
    assert.deepEqual(COMMANDS.map((c) => [c.name, c.summary, c.usage]), modules.map((c) => [c.name, c.summary, c.usage]));
  });
});

describe('readFrontMatter (one buffer, read on past it)', () => {
  it('reads exactly the front matter bytes a whole-file read gives, at and around the 8 KiB buffer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-read-fm-'));
    try {
      const cases: Buffer[] = [];
      for (const size of [8180, 8186, 8187, 8188, 8189, 8190, 8191, 8192, 8193, 8200, 16383, 16384, 16390, 40000]) {
        for (const close of ['---\n', '---', '...\r\n', '--- \n']) {
          const head = `---\ntitle: "${'中'.repeat(3)}"\n`;
          const filler = `x: ${'a'.repeat(Math.max(0, size - head.length - close.length - 4))}\n`;
          cases.push(Buffer.from(`${head}${filler}${close}body after`));
        }
        cases.push(Buffer.from(`no front matter ${'b'.repeat(size)}\nsecond line`));
      }
      cases.push(Buffer.concat([Buffer.from('\uFEFF---\ntitle: t\n'), Buffer.from([0xff, 0xfe]), Buffer.from('\n---\nbody')]));
      cases.push(Buffer.from('---\ntitle: unclosed\n'), Buffer.from(''), Buffer.from('---'));
      cases.forEach((bytes, i) => {
        const file = path.join(dir, `${i}.md`);
        fs.writeFileSync(file, bytes);
        const { text, invalid } = readFrontMatter(file);
        assert.deepEqual({ text, invalid }, decodeText(frontMatterBytes(bytes)), `case ${i} (${bytes.length} bytes)`);
      });
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});
