// The site config's part of every HTML page: `<html lang dir>`, the colours (an inline style the
// page's policy allows by its hash), and the favicon. Applied once to the template (Vite's
// index.html) and to the offline page, so pages, error pages and the offline page agree.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { SiteConfig, SiteFont } from "../../site/siteConfig";
import type { Words } from "../../words/words";
import { offlinePageIn } from "../offlinePage";

const escapeAttr = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * The site's colours as the stylesheet's custom properties (src/app/global.css), light and dark.
 * `html:root` outranks the stylesheet's `:root`, wherever the stylesheet's link lands.
 */
export function siteStyle(config: SiteConfig): string {
  const kept = styles.get(config);
  if (kept !== undefined) return kept;
  const style = styleOf(config);
  styles.set(config, style);
  return style;
}

/** Made once per config: every page carries it, and its font faces name files by their hashes. */
const styles = new WeakMap<SiteConfig, string>();

function styleOf({ colors, fonts }: SiteConfig): string {
  const properties = (set: SiteConfig["colors"]) =>
    `--accent:${set.accent};--kicker:${set.kicker};--accent-text:${set.link}`;
  // Each role's families, in the config's order, lead its stack (global.css's --site-serif, --site-sans).
  const families = (role: SiteFont["role"]) =>
    [...new Set(fonts.filter((font) => font.role === role).map((font) => font.family))]
      .map((family) => `"${family}"`)
      .join(",");
  const stacks = (["serif", "sans"] as const)
    .filter((role) => families(role))
    .map((role) => `--site-${role}:${families(role)};`)
    .join("");
  const faces = siteFontFiles({ fonts } as SiteConfig)
    .map(
      ({ font, path }) =>
        `@font-face{font-family:"${font.family}";src:url(${path}) format("${font.file.endsWith(".woff") ? "woff" : "woff2"}");` +
        `font-weight:${font.weight};font-style:${font.style};font-display:swap;` +
        `${font.unicodeRange ? `unicode-range:${font.unicodeRange};` : ""}}`,
    )
    .join("");
  return `${faces}html:root{${stacks}${properties(colors)}}@media (prefers-color-scheme: dark){html:root{${properties({ ...colors.dark, dark: colors.dark })}}}`;
}

/** Where each of the site's font files is served: named by a hash of its bytes, so it may be kept for a year. */
export function siteFontFiles({ fonts }: SiteConfig): { font: SiteFont; path: string; bytes: Buffer }[] {
  return fonts.map((font) => {
    const bytes = readFileSync(font.file);
    const hash = createHash("sha256").update(bytes).digest("base64url").slice(0, 16);
    return { font, path: `/site-fonts/${hash}${extname(font.file).toLowerCase()}`, bytes };
  });
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

/** The offline page (public/offline.html) in the site's name and words (server/offlinePage.ts). */
export function offlinePage(html: string, config: SiteConfig, words: Words): string {
  const name = escapeAttr(config.name);
  return withSite(offlinePageIn(html, words, config.name), config).replace(
    /(<a class="brand" href="\/">)[^<]*(<\/a>)/,
    (_all, before, after) => `${before}${name}${after}`,
  );
}
