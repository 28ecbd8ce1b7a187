// followLink's normalisation of external links (issue 13 point 6): what VS Code is asked to open is the URL a browser would follow.
import * as assert from 'node:assert/strict';
import { externalHref, resolvePostPath } from '../../src/preview/href';

describe('externalHref (preview links opened outside)', () => {
  it('normalises as the WHATWG URL parser does', () => {
    assert.equal(externalHref('HTTPS://Example.COM/a b'), 'https://example.com/a%20b');
    assert.equal(externalHref('http://exa\tmple.com/\nx'), 'http://example.com/x');
    assert.equal(externalHref('https://例子.测试/新闻'), 'https://xn--fsqu00a.xn--0zwm56d/%E6%96%B0%E9%97%BB');
    assert.equal(externalHref('https://example.com/%zz?q=<x>'), 'https://example.com/%zz?q=%3Cx%3E');
  });
  it('refuses what is not a valid http(s) URL', () => {
    for (const h of ['https://', 'http://exa mple.com/', 'javascript:alert(1)', 'file:///etc/passwd', '/relative', 'https://[::1']) assert.equal(externalHref(h), undefined, h);
  });
});

describe('resolvePostPath (relative links to posts, file: and virtual workspaces alike)', () => {
  const from = '/site/_posts/2022-03-21-a.md';
  it('resolves relative and root-relative links to posts of the site', () => {
    assert.equal(resolvePostPath('2022-03-22-b.md', from, '/site'), '/site/_posts/2022-03-22-b.md');
    assert.equal(resolvePostPath('./x/../2022-03-22-b.md#top', from, '/site'), '/site/_posts/2022-03-22-b.md');
    assert.equal(resolvePostPath('/_drafts/%E6%96%B0.md?x=1', from, '/site'), '/site/_drafts/新.md');
    assert.equal(resolvePostPath('../_drafts/c.html', from, undefined), undefined, 'without a site, the post folder is the root');
    assert.equal(resolvePostPath('c.html', from, undefined), '/site/_posts/c.html');
  });
  it('never leaves the site and ignores what is not a local post', () => {
    for (const bad of ['../../etc/passwd.md', '/../x.md', '%2e%2e/%2e%2e/x.md', 'https://a.example/b.md', '//host/x.md', '#top', 'vscode:x.md', 'x.png', '..\\x.md', '%zz.md', 'a%00.md']) {
      assert.equal(resolvePostPath(bad, from, '/site'), undefined, bad);
    }
    assert.equal(resolvePostPath('../../sitex/_posts/a.md', from, '/site'), undefined, 'a sibling folder sharing the prefix');
  });
});
