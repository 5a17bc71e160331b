// The site config's part of every HTML page: `<html lang dir>`, the colours (an inline style the
// page's policy allows by its hash), and the favicon. Applied once to the template (Vite's
// index.html) and to the offline page, so pages, error pages and the offline page agree.
import { extname } from "node:path";
import type { SiteConfig } from "../../site/siteConfig";

const escapeAttr = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * The site's colours as the stylesheet's custom properties (src/app/global.css), light and dark.
 * `html:root` outranks the stylesheet's `:root`, wherever the stylesheet's link lands.
 */
export function siteStyle({ colors }: SiteConfig): string {
  const properties = (set: SiteConfig["colors"]) =>
    `--accent:${set.accent};--kicker:${set.kicker};--accent-text:${set.link}`;
  return `html:root{${properties(colors)}}@media (prefers-color-scheme: dark){html:root{${properties({ ...colors.dark, dark: colors.dark })}}}`;
}

/** Whether the icon is drawn as SVG, which browsers take as the favicon as it is. */
export const iconIsSvg = (config: SiteConfig) => extname(config.icon).toLowerCase() === ".svg";

/** An HTML page of the site, with its language, direction, colours and favicon. */
export function withSite(html: string, config: SiteConfig): string {
  return html
    .replace(/<html\b[^>]*>/, () => `<html lang="${escapeAttr(config.language)}" dir="${config.dir}">`)
    .replace("</head>", () => `  <style>${siteStyle(config)}</style>\n  </head>`)
    .replace(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml" \/>/, (link) =>
      iconIsSvg(config) ? link : '<link rel="icon" href="/icon-192.png" type="image/png" sizes="192x192" />',
    );
}

/** The offline page (public/offline.html) in the site's name. */
export function offlinePage(html: string, config: SiteConfig): string {
  const name = escapeAttr(config.name);
  return withSite(html, config)
    .replace(/(<title>[^<]*\| )[^<]*(<\/title>)/, (_all, before, after) => `${before}${name}${after}`)
    .replace(/(<a class="brand" href="\/">)[^<]*(<\/a>)/, (_all, before, after) => `${before}${name}${after}`);
}
