// robots.txt: crawl everything but the API, and find the sitemaps here: the sitemap index (which
// names the pages and each month of stories) and the news sitemap.
import type { Absolute } from "./storyHtml";

export function robotsTxt(absolute: Absolute): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /api/",
    "",
    `Sitemap: ${absolute("/sitemap.xml")}`,
    `Sitemap: ${absolute("/news-sitemap.xml")}`,
    "",
  ].join("\n");
}
