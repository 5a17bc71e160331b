// Shared bits for the browser tests: the demo stories they read, and what "the app has taken over" looks like.
import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** The demo WATCH story: a video with captions and two related headlines set in its body. */
export const WATCH_SLUG = "ferry-crew-pulls-kayakers-from-the-sound";
export const WATCH_PATH = `/stories/${WATCH_SLUG}`;

export interface ApiBlock {
  type: string;
  text?: string;
  cite?: string;
  slug?: string;
  headline?: string;
  title?: string;
  poster?: string;
  sources?: { src: string; type: string }[];
  captions?: { src: string; srclang: string; label: string }[];
}

export interface ApiStory {
  slug: string;
  kicker?: string;
  headline: string;
  deck?: string;
  url: string;
  section: { slug: string; name: string };
  authors: { slug: string; name: string }[];
  image?: { src: string; alt: string; version?: string };
  body: ApiBlock[];
  related: { slug: string; headline: string }[];
}

/** A story as the API serves it: the tests take headlines and links from here, not from copies. */
export async function fetchStory(request: APIRequestContext, slug: string): Promise<ApiStory> {
  const response = await request.get(`/api/stories/${slug}`);
  expect(response.status(), `GET /api/stories/${slug}`).toBe(200);
  return (await response.json()) as ApiStory;
}

/** The inline related headlines of a story, in the order its body sets them. */
export function inlineRelated(story: ApiStory): { slug: string; headline: string }[] {
  return story.body.flatMap((block) =>
    block.type === "related" && block.slug && block.headline ? [{ slug: block.slug, headline: block.headline }] : [],
  );
}

/** Waits until React has hydrated the server-rendered page: the layout then marks <html data-hydrated>. */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", { timeout: 15_000 });
}

/** Marks the current document, so a test can tell a client-side navigation from a page load. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __marker?: number }).__marker = 1;
  });
}

export async function documentIsMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __marker?: number }).__marker === 1);
}

/** The scripts a page's loader names: the chunks it preloads, then the entry it imports. */
export function loaderScripts(html: string): { chunks: string[]; entry: string } {
  const loader = /<script nonce="[^"]+" type="module">([^<]*)<\/script>/.exec(html)?.[1] ?? "";
  const chunks = JSON.parse(/for \(const href of (\[[^\]]*\])\)/.exec(loader)?.[1] ?? "[]") as string[];
  return { chunks, entry: /import\("([^"]+)"\)/.exec(loader)?.[1] ?? "" };
}
