// Generates a deterministic (seeded) Jekyll news site of N posts in the real finews shapes, for `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Filler only: a small set of common characters, so the text looks like Chinese news without being any.
const CHARS = '市场指数公司银行股份经济发展投资增长企业资金行业数据上涨下跌板块今日报告政策融资证券基金收盘开盘美元人民币同比环比营收利润季度年度预期计划产品技术能源汽车医药科技消费地产港股沪深全球央行监管改革项目合作平台服务用户规模新高回落交易机构外资北向持续稳定加大支持';
const PUNCT = ['，', '，', '，', '、', '；'];
const TITLE_MARKS = ['：', '！', '？', '｜', '“', '”', '%', '+'];
const CATEGORIES = ['emnews', 'emnews', 'emnews', 'emnews', 'emnews', 'emnews', 'jingjiwang', 'cls', 'sitenews',
  '21shijijingjibaodao  nancailicaitong', 'anxinguojizhengquan(xianggang)'];
const TAGS = ['东财滚动新闻', '东财滚动新闻', '东财滚动新闻', '东财滚动新闻', '经济网新闻', '财联社电报', '站长消息', '港股', '券商', 'A股'];
const BASES = ['../', './', '//news.example.com/', '//finews.example.org/'];

/**
 * Writes `_config.yml`, `_layouts/` and `_posts/` for `posts` posts into `dir`.
 * @returns {{dir: string, posts: number, files: string[], stats: Record<string, number>}}
 */
export function generateSite(dir, { posts = 20000, seed = 20211201, shapes = 'finews' } = {}) {
  const r = rng(seed);
  // `shapes: 'jekyll'`: front matter as other Jekyll sites write it (see jekyllShape); its own generator keeps the finews bytes.
  const rj = rng(seed + 1);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const words = (n) => { let s = ''; for (let i = 0; i < n; i++) s += CHARS[Math.floor(r() * CHARS.length)]; return s; };
  const sentence = () => { let s = ''; const parts = int(2, 5); for (let i = 0; i < parts; i++) s += words(int(4, 12)) + (i < parts - 1 ? pick(PUNCT) : '。'); return s.replace(/。$/, `${int(1, 99)}.${int(0, 9)}%。`); };
  const title = () => {
    let t = words(int(6, 14));
    if (r() < 0.6) t = t.slice(0, int(2, t.length - 1)) + pick(TITLE_MARKS) + t.slice(int(2, t.length - 1));
    if (r() < 0.3) t += `${int(1, 300)}亿元`;
    return t;
  };
  const list = (xs, form) => form === 'flow' ? ` [${xs.join(', ')}]` : `\n${xs.map((x) => `  - ${x}`).join('\n')}`;
  const taxonomy = (key, pool) => {
    const u = r();
    if (u < 0.85) return `${key}: ${pick(pool)}`;
    const xs = [...new Set([pick(pool), pick(pool), pick(pool)])];
    return `${key}:${list(xs, u < 0.93 ? 'flow' : 'block')}`;
  };
  const stockBlock = () => {
    const code = String(int(0, 999999)).padStart(6, '0');
    const m = r() < 0.5 ? 1 : 0;
    return `<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p style="text-align:center;"><a href="http://quote.example.com/unify/r/${m}.${code}" data-code="${code}|${m}|1" class="EmImageRemark" target="_blank"><img src="https://charts.example.com/GetPic.aspx?nid=${m}.${code}&imageType=k" border="0" alt="K图 ${code}_0" style="border:#d1d1d1 1px solid;" width="578" height="276" /></a></p><!-- EM_StockImg_End -->`;
  };
  const article = (stock) => {
    let s = stock ? Array.from({ length: int(1, 2) }, stockBlock).join('') : '';
    const paras = int(4, 18);
    for (let i = 0; i < paras; i++) {
      const u = r();
      if (u < 0.2) {
        const code = String(int(0, 999999)).padStart(6, '0');
        s += `<p>　　${words(int(4, 10))}<span id="stock_1.${code}"><a href="http://quote.example.com/unify/r/1.${code}" class="keytip" data-code="${code},1">${words(4)}</a></span>${sentence()}</p>`;
      } else if (u < 0.27) {
        s += `<center><img src="https://img.example.com/news/${int(10000, 99999)}.jpg" width="${int(300, 600)}" /></center>`;
      } else if (u < 0.35) {
        s += `<p>　　<strong>${words(int(4, 8))}</strong>${sentence()}</p>`;
      } else {
        s += `<p>　　${sentence()}${sentence()}</p>`;
      }
    }
    return s;
  };

  fs.mkdirSync(path.join(dir, '_posts'), { recursive: true });
  fs.mkdirSync(path.join(dir, '_layouts'), { recursive: true });
  fs.writeFileSync(path.join(dir, '_config.yml'), [
    '# Generated bench site in the shapes of a scraper-fed news site.',
    'title: 基准测试站点', 'url: https://news.example.com', 'timezone: Asia/Shanghai', 'safe: true', '',
    'postdesk:', '  taxonomy:', '    categories: [emnews, jingjiwang, cls, sitenews]', '    tags: [东财滚动新闻, 经济网新闻, 财联社电报, 站长消息]', '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, '_layouts', 'default.html'), '<!doctype html><html><body>{{ content }}</body></html>\n');
  fs.writeFileSync(path.join(dir, '_layouts', 'post.html'), '---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}\n');

  const stats = { digest: 0, article: 0, stock: 0, leadingBlank: 0, emptyTitle: 0, badDate: 0, badQuote: 0, noOffset: 0, flowOrBlock: 0 };
  const files = [];
  let t = Date.UTC(2021, 11, 1, 0, 0, 0);
  const used = new Set();
  for (let i = 0; i < posts; i++) {
    t += int(20, 600) * 1000;
    const d = new Date(t + 8 * 3600 * 1000); // local Asia/Shanghai wall clock
    const p2 = (n) => String(n).padStart(2, '0');
    const ymd = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
    const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    let id = `${ymd.replace(/-/g, '')}${p2(d.getUTCHours())}${int(1000000, 9999999)}`;
    while (used.has(id)) id = `${id.slice(0, -1)}${int(0, 9)}`;
    used.add(id);
    const stock = i % 50 === 7;
    const isArticle = stock || r() < 0.2;
    let ttl = title();
    let dateLine = r() < 0.6 ? `date: ${ymd} ${hms}` : `date: ${ymd} ${hms} +0800`;
    if (i % 997 === 500) { ttl = ''; stats.emptyTitle++; }
    if (i % 4999 === 2500) { dateLine = 'date:  +0800'; stats.badDate++; }
    if (i % 1999 === 1000) { ttl = `${ttl.slice(0, 3)}"${ttl.slice(3)}`; stats.badQuote++; }
    if (!dateLine.endsWith('+0800')) stats.noOffset++;
    const cats = taxonomy('categories', CATEGORIES);
    const tags = taxonomy('tags', TAGS);
    if (cats.includes('\n') || cats.includes('[') || tags.includes('\n') || tags.includes('[')) stats.flowOrBlock++;
    const fm = shapes === 'jekyll' ? jekyllShape(rj, ttl, dateLine, cats, tags, stats) : `---\nlayout: post\ntitle: "${ttl}"\n${dateLine}\n${cats}\n${tags}\n---\n`;
    const base = pick(BASES);
    const body = isArticle
      ? article(stock)
      : `\n${sentence()}${r() < 0.5 ? sentence() : ''}\n\n<http://news.example.com/a/${id}.html>\n\n[返回东财滚动新闻](${base}emnews/)｜[返回首页](${base})`;
    const lead = i % 100 === 42 ? '\n' : '';
    if (lead) stats.leadingBlank++;
    stats[isArticle ? 'article' : 'digest']++;
    if (stock) stats.stock++;
    const file = path.join(dir, '_posts', `${ymd}-${id}.md`);
    fs.writeFileSync(file, lead + fm + body); // no trailing newline, as the scraper writes them
    files.push(file);
  }
  return { dir, posts, files, stats };
}

/**
 * The same entries as a typical Jekyll site writes them: a third of the posts with `tags:` as a block list
 * (`  - x` lines), a third with a `#` comment line, a third with blank lines between groups of keys.
 */
function jekyllShape(r, ttl, dateLine, cats, tags, stats) {
  const lines = ['layout: post', `title: "${ttl}"`, dateLine, cats];
  if (r() < 1 / 3 && !tags.includes('\n')) {
    const xs = tags.replace(/^tags: ?/, '').replace(/^\[|\]$/g, '').split(', ');
    lines.push(`tags:\n${xs.map((x) => `  - ${x}`).join('\n')}`);
    stats.blockTags = (stats.blockTags ?? 0) + 1;
  } else lines.push(tags);
  if (r() < 1 / 3) lines.splice(1, 0, '# imported from the news feed');
  if (r() < 1 / 3) lines.splice(lines.length - 2, 0, '');
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A fresh temp folder for a generated site. */
export function tempSiteDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-bench-site-'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : dflt; };
  const dir = arg('--out', undefined) ?? tempSiteDir();
  const t0 = performance.now();
  const r = generateSite(dir, { posts: Number(arg('--posts', 20000)), seed: Number(arg('--seed', 20211201)), shapes: arg('--shapes', 'finews') });
  console.log(`${r.posts} posts in ${dir} (${(performance.now() - t0).toFixed(0)} ms) ${JSON.stringify(r.stats)}`);
}
