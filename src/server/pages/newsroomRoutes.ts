// The newsroom's pages (issue 22): GET /newsroom and everything under it answer one small page
// that starts the newsroom's own program, built apart from the reader's (vite.newsroom.config.ts,
// into dist/client/newsroom-app), so no reader ever loads a byte of it. The page carries the
// site's words (its catalogue, locale and zone) and the site as data and no story: what it shows comes from the
// API, behind the session (docs/decisions/035). It is staff-only, so it is never kept, cached or
// indexed: outside the scope of kept answers, `private, no-store`, noindex.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Site } from "../../head/head";
import { escapeHtml } from "../../head/renderHead";
import type { Words } from "../../words/words";
import { cspNonce } from "../http/securityHeaders";

/** Where the newsroom's build goes, under the client's folder, and the URL path it is served at. */
export const NEWSROOM_BUILD = "newsroom-app";
/** The newsroom's entry module, as its build's manifest names it. */
export const NEWSROOM_ENTRY = "src/newsroom/main.tsx";
/** The id of the element that carries the newsroom's data. */
export const NEWSROOM_DATA_ID = "newsroom-data";

interface ManifestChunk {
  file: string;
  css?: string[];
}

export interface NewsroomRoutesOptions {
  /** The built client (dist/client), which holds the newsroom's build. */
  clientDir: string;
  site: Site;
  words: Words;
}

/** The newsroom's script and stylesheets, from its build's manifest; null if it was not built. */
export function newsroomAssets(clientDir: string): { script: string; styles: string[] } | null {
  const path = join(clientDir, NEWSROOM_BUILD, ".vite/manifest.json");
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, ManifestChunk>;
  const entry = manifest[NEWSROOM_ENTRY];
  if (!entry) throw new Error(`${path} names no ${NEWSROOM_ENTRY}`);
  const url = (file: string) => `/${NEWSROOM_BUILD}/${file}`;
  return { script: url(entry.file), styles: (entry.css ?? []).map(url) };
}

/** Which way the site's language is written, by Intl's knowledge of it. */
function directionOf(language: string): "ltr" | "rtl" {
  const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction?: string } };
  return locale.getTextInfo?.().direction === "rtl" ? "rtl" : "ltr";
}

/** JSON that cannot end the script element it is written into. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

export function newsroomPage(
  assets: { script: string; styles: string[] },
  { site, words, nonce }: { site: Site; words: Words; nonce: string },
): string {
  // The site (its name and address: what the editor's previews show), and its words.
  const data = {
    language: site.language,
    locale: site.locale,
    timeZone: site.timeZone,
    site,
    catalogue: words.catalogue,
  };
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(site.language)}" dir="${directionOf(site.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(words.text("newsroom.title"))}</title>`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    // The lazy pages' chunks are imported by the script ('strict-dynamic' lets it); Vite also preloads
    // their imports by <link rel=modulepreload>, which a browser may hold to the nonce (Chromium lets
    // them through without): Vite's preload helper gives them the one this element carries.
    `<meta property="csp-nonce" nonce="${nonce}">`,
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    `<script type="module" nonce="${nonce}" src="${escapeHtml(assets.script)}"></script>`,
    "</head>",
    "<body>",
    '<div id="newsroom"></div>',
    `<script type="application/json" id="${NEWSROOM_DATA_ID}">${scriptJson(data)}</script>`,
    "</body>",
    "</html>",
  ].join("\n");
}

export const newsroomRoutes: FastifyPluginAsync<NewsroomRoutesOptions> = async (app, { clientDir, site, words }) => {
  const assets = newsroomAssets(clientDir);
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header("cache-control", "private, no-store").header("x-robots-tag", "noindex, nofollow");
    if (!assets)
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The newsroom is not built: run npm run build (it builds the newsroom too).");
    return reply.type("text/html; charset=utf-8").send(newsroomPage(assets, { site, words, nonce: cspNonce(request) }));
  };
  app.get("/newsroom", page);
  app.get("/newsroom/*", page);
  // The link an invitation carries (auth/invitations.ts) leads to the newsroom's page for it.
  app.get<{ Params: { token: string } }>("/invitations/:token", async (request, reply) =>
    reply
      .header("cache-control", "private, no-store")
      .redirect(`/newsroom/invitations/${encodeURIComponent(request.params.token)}`, 302),
  );
};
