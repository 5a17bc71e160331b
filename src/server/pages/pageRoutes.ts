// Pages: every GET that is not the API or a file is a page URL, rendered on the server by the
// same routes the browser runs, into the HTML template Vite built.
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { PAGE_DATA_ID, type PageData } from "../../app/pageData";
import type { RenderResult } from "../../entry-server";
import type { Site } from "../../head/head";
import { scriptSafeJson } from "../../head/head";
import { renderHead } from "../../head/renderHead";
import type { StoryApi } from "../../model/storyApi";
import { canonicalPageUrl } from "../http/canonicalUrl";
import { cspNonce } from "../http/securityHeaders";
import { noteError } from "../http/serverLog";
import { SCRIPTS_SLOT } from "./clientBuild";

export type Render = (request: Request, api: StoryApi, site: Site, nonce: string) => Promise<RenderResult>;

export interface PageRenderer {
  /** The HTML page, with `<!--app-head-->`, `<!--app-html-->` and `<!--app-data-->` to fill. */
  template(url: string): Promise<string> | string;
  render: Render;
  /** The script that starts the app on a page of these modules (clientBuild.ts); none where the template has its own (dev). */
  loader(pageModules: string[]): string;
}

export interface PageRoutesOptions {
  /** The story reader for a request, noting what its page shows (http/answerDependencies.ts). */
  readerFor: (request: FastifyRequest) => StoryApi;
  site: Site;
  pages: PageRenderer;
}

/**
 * Puts the answer's nonce on the template's scripts (in dev, Vite's). Not on the page's data block
 * or JSON-LD: a browser never runs them, so no policy applies to them.
 */
const withNonce = (html: string, nonce: string) => html.replaceAll("<script", `<script nonce="${nonce}"`);

/** The slots a page fills in its template, in the order they stand in Vite's index.html. */
const SLOTS = ["<!--app-head-->", SCRIPTS_SLOT, "<!--app-html-->", "<!--app-data-->"] as const;
type Slot = (typeof SLOTS)[number];

/**
 * A template cut once at its slots, each piece cut again where its scripts take the nonce: a page
 * is then the pieces joined around what fills the slots, not a template scanned again for each
 * slot and script at every request. Kept for the last template seen (production has one).
 */
interface CutTemplate {
  template: string;
  /** The pieces between the slots, each as its parts around the nonces. */
  pieces: string[][];
  /** The slots in the order they stand. */
  order: Slot[];
}

let lastCut: CutTemplate | undefined;

function cutTemplate(template: string): CutTemplate {
  if (lastCut?.template === template) return lastCut;
  const order = SLOTS.filter((slot) => template.includes(slot)).sort(
    (a, b) => template.indexOf(a) - template.indexOf(b),
  );
  const pieces: string[][] = [];
  let rest = template;
  for (const slot of order) {
    const at = rest.indexOf(slot);
    pieces.push(rest.slice(0, at).split("<script"));
    rest = rest.slice(at + slot.length);
  }
  pieces.push(rest.split("<script"));
  lastCut = { template, pieces, order };
  return lastCut;
}

/** The template with each slot filled, its scripts with this nonce. */
function fillTemplate(template: string, nonce: string, fill: Record<Slot, () => string>): string {
  const { pieces, order } = cutTemplate(template);
  const script = `<script nonce="${nonce}"`;
  let html = pieces[0]?.join(script) ?? "";
  for (const [i, slot] of order.entries()) html += fill[slot]() + (pieces[i + 1]?.join(script) ?? "");
  return html;
}

/** JSON written for objects every page carries, by identity: the site and its catalogue. */
const writtenOnce = new WeakMap<object, string>();

function keptJson(value: object): string {
  let json = writtenOnce.get(value);
  if (json === undefined) {
    json = scriptSafeJson(value);
    writtenOnce.set(value, json);
  }
  return json;
}

/**
 * The page data as script-safe JSON, byte for byte what scriptSafeJson(data) writes. The site and
 * its catalogue (5.4 KB of a story page's 12 KB) are the same objects on every page of a site, so
 * their JSON is written once; only the page's queries are written per request.
 */
export function pageDataJson(data: PageData): string {
  const { site, catalogue, queries, ...more } = data;
  if (Object.keys(more).length > 0 || !site || !catalogue) return scriptSafeJson(data);
  return `{"site":${keptJson(site)},"catalogue":${keptJson(catalogue)},"queries":${scriptSafeJson(queries)}}`;
}

/**
 * Renders the page at `url` through `reader` into the template: the HTML, or where the router
 * redirects. `extraHead` goes first in the head (a preview's noindex, say).
 */
export async function renderPage(
  { pages, site }: { pages: PageRenderer; site: Site },
  url: URL,
  reader: StoryApi,
  nonce: string,
  { extraHead = "", templateUrl = url.pathname + url.search }: { extraHead?: string; templateUrl?: string } = {},
): Promise<
  | { kind: "redirect"; location: string; status: number }
  | { kind: "page"; status: number; html: string; error?: unknown }
> {
  const result = await pages.render(new Request(url, { headers: { accept: "text/html" } }), reader, site, nonce);
  if (result.kind === "redirect") return result;
  const html = fillTemplate(await pages.template(templateUrl), nonce, {
    "<!--app-head-->": () => extraHead + renderHead(result.head),
    [SCRIPTS_SLOT]: () => withNonce(pages.loader(result.pageModules), nonce),
    "<!--app-html-->": () => result.html,
    "<!--app-data-->": () =>
      `<script id="${PAGE_DATA_ID}" type="application/json">${pageDataJson(result.data)}</script>`,
  });
  return { kind: "page", status: result.status, html, ...(result.status >= 500 ? { error: result.error } : {}) };
}

export const pageRoutes: FastifyPluginAsync<PageRoutesOptions> = async (app, { readerFor, site, pages }) => {
  app.get("/*", async (request, reply) => {
    const canonical = canonicalPageUrl(request.url);
    if (canonical) return reply.redirect(canonical, 301);
    // Concatenate rather than resolve: a path like //evil.example must stay a path on this site.
    const url = new URL(`${site.url}${request.url}`);
    const page = await renderPage({ pages, site }, url, readerFor(request), cspNonce(request), {
      templateUrl: request.url,
    });
    if (page.kind === "redirect") return reply.redirect(page.location, page.status);
    if (page.status >= 500) noteError(request, page.error);
    return reply.code(page.status).type("text/html; charset=utf-8").send(page.html);
  });
};
