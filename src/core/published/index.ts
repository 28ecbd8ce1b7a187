// The "As published" renderer: a post through its site's layouts, includes and Liquid, as a sanitized page.
export { renderPublished, sitePath, type PublishedOptions, type PublishedResult, type StylesheetSource } from './page';
export { PublishedCache } from './cache';
export { sitePages, pageUrl } from './pages';
export { layeredFiles, memoryFiles, cleanPath, type SiteFiles } from './files';
export { sanitizePage, parsePage, splitPage, PAGE_REMOVED } from './dom';
export { relativeUrl, absoluteUrl, smartify, slugifyMode } from './filters';
export { rewriteCssUrls } from './css-urls';
