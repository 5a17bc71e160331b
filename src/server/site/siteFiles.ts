// The site's own files, made from its config rather than served from public/: the web app
// manifest, the offline page (in the site's words), the app icons and logo (sized by sharp from the config's files, once
// at start), the favicon and the site's share card (drawn on first request).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyPluginAsync } from "fastify";
import sharp from "sharp";
import { PAPER, type SiteConfig } from "../../site/siteConfig";
import type { Words } from "../../words/words";
import { renderSiteCard } from "../shareCard/SiteCard";
import { iconIsSvg, offlinePage, siteFontFiles } from "./siteTemplate";

/** The square app icons the manifest and the page name, by size. */
const ICONS = { "/icon-192.png": 192, "/icon-512.png": 512, "/apple-touch-icon.png": 180 } as const;
/** The publisher's logo, as JSON-LD names it (head/structuredData.ts): fitted into 512×512. */
export const LOGO_PATH = "/logo.png";

/** The paths these routes answer: the static files must leave them alone (fileRoutes.ts). */
export const SITE_FILES = [
  ...Object.keys(ICONS),
  LOGO_PATH,
  "/favicon.svg",
  "/manifest.webmanifest",
  "/offline.html",
  "/site-card.png",
];

const HOUR = "public, max-age=3600";

async function squareIcon(file: string, size: number, background?: string): Promise<Buffer> {
  const image = sharp(file, { density: 300 }).resize(size, size, {
    fit: "contain",
    background: { r: 0, g: 0, b: 0, alpha: 0 },
  });
  return (background ? image.flatten({ background }) : image).png().toBuffer();
}

export function webManifest(config: SiteConfig) {
  return {
    id: "/",
    name: config.name,
    short_name: config.shortName,
    description: config.description,
    lang: config.language,
    dir: config.dir,
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: PAPER.light,
    background_color: PAPER.light,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}

export const siteFileRoutes: FastifyPluginAsync<{ config: SiteConfig; publicDir: string; words: Words }> = async (
  app,
  { config, publicDir, words },
) => {
  // Made before the server listens: a broken icon or logo stops it at start, not a reader's request.
  const icons = new Map(
    await Promise.all(
      Object.entries(ICONS).map(
        async ([path, size]) =>
          // Apple's touch icon is shown on an opaque tile: the paper behind a transparent icon.
          [
            path,
            await squareIcon(config.icon, size, path === "/apple-touch-icon.png" ? PAPER.light : undefined),
          ] as const,
      ),
    ).catch((error: unknown) => {
      throw new Error(`Dispatch cannot start: the site config's icon ${config.icon}: ${(error as Error).message}`);
    }),
  );
  const logo = await squareIcon(config.logo, 512).catch((error: unknown) => {
    throw new Error(`Dispatch cannot start: the site config's logo ${config.logo}: ${(error as Error).message}`);
  });
  const offlineFile = join(publicDir, "offline.html");
  const offline = existsSync(offlineFile) ? offlinePage(await readFile(offlineFile, "utf8"), config, words) : undefined;
  const manifest = JSON.stringify(webManifest(config));
  let siteCard: Promise<Buffer> | undefined;

  // One file may serve several faces (a script's face leading both stacks): served once.
  const fontFiles = new Map(siteFontFiles(config).map(({ path, bytes }) => [path, bytes]));
  for (const [path, bytes] of fontFiles)
    app.get(path, (_request, reply) =>
      reply
        .header("cache-control", "public, max-age=31536000, immutable")
        .type(path.endsWith(".woff") ? "font/woff" : "font/woff2")
        .send(bytes),
    );
  for (const [path, png] of icons)
    app.get(path, (_request, reply) => reply.header("cache-control", HOUR).type("image/png").send(png));
  app.get(LOGO_PATH, (_request, reply) => reply.header("cache-control", HOUR).type("image/png").send(logo));
  app.get("/favicon.svg", async (_request, reply) => {
    if (!iconIsSvg(config)) return reply.redirect("/icon-192.png", 301);
    return reply
      .header("cache-control", HOUR)
      .type("image/svg+xml")
      .send(await readFile(config.icon));
  });
  app.get("/manifest.webmanifest", (_request, reply) =>
    reply.header("cache-control", "no-cache").type("application/manifest+json").send(manifest),
  );
  if (offline)
    app.get("/offline.html", (_request, reply) =>
      reply.header("cache-control", HOUR).type("text/html; charset=utf-8").send(offline),
    );
  app.get("/site-card.png", async (_request, reply) => {
    siteCard ??= renderSiteCard({
      name: config.name,
      tagline: config.tagline,
      accent: config.colors.accent,
      dir: config.dir,
    }).catch((error: unknown) => {
      siteCard = undefined;
      throw error;
    });
    return reply
      .header("cache-control", HOUR)
      .type("image/png")
      .send(await siteCard);
  });
};
