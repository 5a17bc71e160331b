// robots.txt: crawl everything but the API, and find the sitemaps here.
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
