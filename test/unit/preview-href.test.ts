// followLink's normalisation of external links (issue 13 point 6): what VS Code is asked to open is the URL a browser would follow.
import * as assert from 'node:assert/strict';
import { externalHref } from '../../src/preview/href';

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
