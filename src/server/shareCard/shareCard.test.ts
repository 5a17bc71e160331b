// Share cards, against the real server over HTTP on each engine's store with the demo stories:
// what a social platform fetches when a story link is shared.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { imageSize } from "image-size";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StoryInput } from "../../model/story";
import { readSiteConfig } from "../../site/siteConfig";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";
import { cardFacts } from "./cardFacts";
import type { CardThreadEvent } from "./cardPool";
import { fitHeadline } from "./fitHeadline";
import { readPublicPicture } from "./picture";
import { renderShareCard, shareCardContent } from "./ShareCard";
import type { CardRender, ShareCardOptions } from "./shareCardRoutes";
import { SHARE_CARD } from "./styles";

const root = join(import.meta.dirname, "../../..");
const publicDir = join(root, "public");
/** The demo site's name and accent (content/site.yaml): the test server's cards carry them. */
const demo = readSiteConfig(join(root, "content/site.yaml"));
const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";
const NO_PICTURE = "gales-shut-kessel-strait-to-shipping";

let server: TestServer;
const renders: CardRender[] = [];
const store = () => server.store;

async function card(slug: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/og/${slug}.png`, { headers, redirect: "manual" });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The card's paper as RGB (styles.ts: #fbfaf7). */
const PAPER = [0xfb, 0xfa, 0xf7];
/** Its accent, the rule along the top (#b3261e). */
const ACCENT = [0xb3, 0x26, 0x1e];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function expectShareCardPng(bytes: Buffer) {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // The first chunk is IHDR: width and height as big-endian 32-bit integers.
  expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
  expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual(SHARE_CARD);
  expect(imageSize(bytes)).toMatchObject({ type: "png", ...SHARE_CARD });
}

const rendersOf = (slug: string) => renders.filter((event) => event.slug === slug).length;

function storyInput(overrides: Partial<StoryInput> & Pick<StoryInput, "slug" | "headline">): StoryInput {
  return {
    section: "city",
    authors: [{ slug: "test-author", name: "Test Author" }],
    tags: [],
    publishedAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    body: [{ type: "paragraph", text: "A paragraph." }],
    ...overrides,
  };
}

describe.each(testEngines)("on %s", (engine) => {
  beforeAll(async () => {
    renders.length = 0;
    server = await startTestServer({ engine, shareCards: { onRender: (event) => renders.push(event) } });
  });

  afterAll(() => server.close());

  describe("a story's share card", () => {
    it("is a 1200×630 PNG, cacheable, with an ETag", async () => {
      const { response, bytes } = await card(WATCH);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
      expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
      expectShareCardPng(bytes);
      // A photo and set text, not an empty canvas.
      expect(bytes.length).toBeGreaterThan(50_000);
      writeFileSync(join(tmpdir(), "share-card-watch.png"), bytes);
    });

    it("is rendered once per version of the story, then served from memory", async () => {
      const first = await card(WATCH);
      const before = rendersOf(WATCH);
      const second = await card(WATCH);
      expect(second.response.status).toBe(200);
      expect(second.bytes.equals(first.bytes)).toBe(true);
      expect(second.response.headers.get("etag")).toBe(first.response.headers.get("etag"));
      expect(rendersOf(WATCH)).toBe(before);
      expect(before).toBe(1);
    });

    it("answers 304 with no body to a request that already holds the card", async () => {
      const { response: first } = await card(WATCH);
      const etag = first.headers.get("etag") ?? "";
      const { response, bytes } = await card(WATCH, { "if-none-match": `W/"other", ${etag}` });
      expect(response.status).toBe(304);
      expect(bytes.length).toBe(0);
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
      expect((await card(WATCH, { "if-none-match": '"stale"' })).response.status).toBe(200);
    });

    it("renders one card for concurrent requests", async () => {
      const slug = "merrow-sound-seagrass-recovering";
      const answers = await Promise.all([card(slug), card(slug), card(slug)]);
      expect(answers.map(({ response }) => response.status)).toEqual([200, 200, 200]);
      expect(rendersOf(slug)).toBe(1);
    });

    it.each([
      ["an Arabic", "arabic-card", "افتتاح المكتبة الجديدة قرب الميناء"],
      ["a Japanese", "japanese-card", "港の近くに新しい図書館が開館"],
    ])("draws %s story's headline in its script's font, not in boxes", async (_, slug, headline) => {
      await store().saveStories([storyInput({ slug, headline })]);
      const { response, bytes } = await card(slug);
      expect(response.status).toBe(200);
      const stored = await store().getStory(slug);
      if (!stored) throw new Error(`${slug} was not saved`);
      const story = { ...stored, url: `${server.url}/stories/${slug}` };
      const content = await shareCardContent(
        cardFacts(story, { name: demo.name, accent: demo.colors.accent }),
        publicDir,
      );
      // The headline as the card's renderer draws it with the script's slices, not as without them
      // (the missing-glyph boxes): pixels that differ between the middle bands of two cards.
      const band = (png: Buffer) =>
        sharp(png).extract({ left: 0, top: 150, width: SHARE_CARD.width, height: 330 }).greyscale().raw().toBuffer();
      const differing = async (other: Buffer) => {
        const [a, b] = await Promise.all([band(bytes), band(other)]);
        return a.filter((value, i) => Math.abs(value - (b[i] ?? 0)) > 64).length;
      };
      expect(await differing(await renderShareCard(content))).toBe(0);
      expect(await differing(await renderShareCard(content, undefined, []))).toBeGreaterThan(2000);
    });

    it("is drawn again when the story changes", async () => {
      const slug = "card-that-changes";
      await store().saveStories([storyInput({ slug, headline: "Harbour master opens the new slipway" })]);
      const before = await card(slug);
      await store().saveStories([
        storyInput({ slug, headline: "Harbour master reopens the slipway", updatedAt: "2026-11-02T00:00:00.000Z" }),
      ]);
      const after = await card(slug);
      expect(after.response.headers.get("etag")).not.toBe(before.response.headers.get("etag"));
      expect(after.bytes.equals(before.bytes)).toBe(false);
      expect(rendersOf(slug)).toBe(2);
    });

    it("is set as text alone when the story has no picture", async () => {
      const { response, bytes } = await card(NO_PICTURE);
      expect(response.status).toBe(200);
      expectShareCardPng(bytes);
      writeFileSync(join(tmpdir(), "share-card-text.png"), bytes);
    });

    it("takes the video poster when there is no lead image", async () => {
      const slug = "poster-only-card";
      await store().saveStories([
        storyInput({
          slug,
          kicker: "WATCH",
          headline: "Divers film the seagrass meadow coming back",
          body: [
            { type: "video", title: "The meadow", poster: "/media/seagrass-diver.jpg", sources: [] },
            { type: "paragraph", text: "A paragraph." },
          ],
        }),
      ]);
      const { response, bytes } = await card(slug);
      expect(response.status).toBe(200);
      expectShareCardPng(bytes);
      // A card with a photo is far bigger than the same card set in text alone.
      expect(bytes.length).toBeGreaterThan(50_000);
    });

    it("keeps a hostile, overlong headline on the card", async () => {
      const slug = "hostile-share-card";
      const headline = [
        `</svg><script>alert(1)</script> "><img src=x onerror=alert(2)> &amp; <![CDATA[`,
        "Łódź Ελλάδα Київ Hà Nội مرحبا 你好 🤯",
        "A".repeat(120),
        "and then a great many more words than any headline should ever carry, ".repeat(3),
      ]
        .join(" ")
        .slice(0, 300);
      await store().saveStories([
        storyInput({
          slug,
          headline,
          kicker: "X".repeat(40),
          image: { src: "/../package.json", alt: "", width: 1, height: 1 },
        }),
      ]);
      const { response, bytes } = await card(slug);
      expect(response.status).toBe(200);
      expectShareCardPng(bytes);
      writeFileSync(join(tmpdir(), "share-card-hostile.png"), bytes);
    });

    it("follows a story that moved to its new slug", async () => {
      await store().saveStories([storyInput({ slug: "card-old-slug", headline: "A story that will move" })]);
      await store().saveStories([
        { ...storyInput({ slug: "card-new-slug", headline: "A story that moved" }), movedFrom: "card-old-slug" },
      ]);
      const { response } = await card("card-old-slug");
      expect(response.status).toBe(301);
      expect(response.headers.get("location")).toBe("/og/card-new-slug.png");
    });

    it.each([
      ["no story", "no-such-story", "story_not_found"],
      ["a segment that cannot be a slug", "Not_A_Slug", "not_found"],
      ["a path out of the folder", "..%2F..%2Fpackage", "not_found"],
    ])("answers 404 JSON where there is %s", async (_, slug, code) => {
      const { response, bytes } = await card(slug);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(bytes.toString()).error.code).toBe(code);
    });
  });

  /** Another server, with its own card routes, cache and render threads. */
  async function cardServer(options: ShareCardOptions & { publicDir?: string; closeGraceMs?: number }) {
    const counted: string[] = [];
    const events: CardRender[] = [];
    const threads: CardThreadEvent[] = [];
    const { publicDir: pictures, closeGraceMs, ...shareCards } = options;
    // A clock stopped in the middle of this minute: a per-minute limit never starts afresh during a test.
    const stopped = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30_000);
    const cardApp = await startTestServer({
      engine,
      // Each request from a reader of its own (X-Forwarded-For), unless a test names one.
      trustProxy: true,
      now: () => stopped,
      ...(pictures ? { publicDir: pictures } : {}),
      ...(closeGraceMs ? { closeGraceMs } : {}),
      shareCards: {
        ...shareCards,
        onRender: (event) => {
          counted.push(event.slug);
          events.push(event);
        },
        onThread: (event) => threads.push(event),
      },
    });
    let readers = 0;
    /** A card (`slug`, or `slug/shape`), for a reader of its own unless one is named. */
    const get = async (slug: string, reader = `10.20.${Math.floor(readers / 250)}.${(readers++ % 250) + 1}`) => {
      const response = await fetch(`${cardApp.url}/og/${slug}.png`, { headers: { "x-forwarded-for": reader } });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    };
    const storyReads = () => cardApp.work().storyReads;
    const close = () => cardApp.close();
    return { url: cardApp.url, store: cardApp.store, get, counted, events, threads, storyReads, close };
  }

  // Each of these starts a server of its own, whose render threads start (through Vite) with its first card.
  describe("the card cache", { timeout: 20_000 }, () => {
    it("forgets the least recently used card beyond its count", async () => {
      const server = await cardServer({ cacheEntries: 2 });
      const [a, b, c] = ["port-cities-agree-to-pool-sea-level-data", "sunfish-tagged-off-merrow-head", NO_PICTURE];
      for (const slug of [a, b, a, c, a, b]) expect((await server.get(slug)).status).toBe(200);
      // c pushed out b (a was used more recently), so only b is drawn twice.
      expect(server.counted).toEqual([a, b, c, b]);
      await server.close();
    });

    it("keeps no card bigger than its byte bound", async () => {
      const server = await cardServer({ cacheBytes: 1000 });
      for (const _ of [1, 2]) expect((await server.get(NO_PICTURE)).status).toBe(200);
      expect(server.counted).toEqual([NO_PICTURE, NO_PICTURE]);
      await server.close();
    });

    it("still draws the card when its picture cannot be decoded", async () => {
      const brokenDir = mkdtempSync(join(tmpdir(), "dispatch-broken-"));
      const brokenPublic = join(brokenDir, "public");
      mkdirSync(join(brokenPublic, "media"), { recursive: true });
      // A JPEG that claims its size in its header and then stops.
      const jpeg = readFileSync(join(publicDir, "media/ferry-fog.jpg"));
      writeFileSync(join(brokenPublic, "media/ferry-fog.jpg"), jpeg.subarray(0, 700));
      const server = await cardServer({ publicDir: brokenPublic });
      const { status, bytes } = await server.get(WATCH);
      expect(status).toBe(200);
      expectShareCardPng(bytes);
      await server.close();
      rmSync(brokenDir, { recursive: true, force: true });
    });
  });

  describe("the render threads", { timeout: 20_000 }, () => {
    it("draw every card off the main thread", async () => {
      expect((await card(NO_PICTURE)).response.status).toBe(200);
      expect(rendersOf(NO_PICTURE)).toBe(1);
      for (const event of renders) expect(event.thread).not.toBe(threadId);
    });

    it("draw no more cards at once than there are threads, and refuse past the queue with 503", async () => {
      const server = await cardServer({ threads: 1, queue: 2 });
      const slugs = await saveCardStories(server.store, "refused", 8);
      const answers = await Promise.all(slugs.map((slug) => server.get(slug)));
      const drawn = answers.filter((answer) => answer.status === 200);
      const refused = answers.filter((answer) => answer.status !== 200);
      // One drawing and two waiting while the thread starts; the other five are refused at once.
      expect(drawn.length).toBeGreaterThanOrEqual(3);
      expect(refused.length).toBeGreaterThan(0);
      for (const { bytes } of drawn) expectShareCardPng(bytes);
      for (const { status, headers, bytes } of refused) {
        expect(status).toBe(503);
        expect(headers.get("retry-after")).toMatch(/^\d+$/);
        expect(headers.get("cache-control")).toBe("no-store");
        expect(headers.get("etag")).toBeNull();
        expect(JSON.parse(bytes.toString()).error.code).toBe("busy");
      }
      expect(server.events).toHaveLength(drawn.length);
      expect(mostAtOnce(server.events)).toBe(1);
      // A refused card is not remembered as refused: asked again once the queue is free, it is drawn.
      const again = slugs[answers.findIndex((answer) => answer.status === 503)] ?? "";
      expect((await server.get(again)).status).toBe(200);
      await server.close();
    });

    it("answer cached cards and 304s while the thread is busy and the queue full", async () => {
      const server = await cardServer({ threads: 1, queue: 0 });
      const photo = { src: "/media/ferry-fog.jpg", alt: "", width: 1600, height: 1067 };
      const [cached, ...drawn] = ["full-pool-cached", "full-pool-a", "full-pool-b"];
      await server.store.saveStories(
        [cached, ...drawn].map((slug) => storyInput({ slug, headline: `A card for ${slug}`, image: photo })),
      );
      const first = await server.get(cached ?? "");
      expect(first.status).toBe(200);
      // Two cards at once: the thread takes one, and with no queue the other is refused at once.
      const answered: number[] = [];
      const both = drawn.map((slug) => server.get(slug).then((answer) => answered.push(answer.status)));
      await vi.waitFor(() => expect(answered).toEqual([503]), { interval: 1 });
      const again = await server.get(cached ?? "");
      const notModified = await fetch(`${server.url}/og/${cached}.png`, {
        headers: { "if-none-match": first.headers.get("etag") ?? "" },
      });
      expect(answered).toEqual([503]);
      expect(again.status).toBe(200);
      expect(again.bytes.equals(first.bytes)).toBe(true);
      expect(notModified.status).toBe(304);
      await Promise.all(both);
      expect(answered).toEqual([503, 200]);
      await server.close();
    });

    it("let one client draw only a few cards at once and a few a minute, never holding up others", async () => {
      const server = await cardServer({ threads: 1, queue: 32, perClient: { atOnce: 2, perMinute: 5 } });
      const slugs = await saveCardStories(server.store, "one-client", 8);
      const greedy = "10.30.0.1";
      const answers = await Promise.all(slugs.map((slug) => server.get(slug, greedy)));
      const refused = answers.filter(({ status }) => status !== 200);
      expect(answers.filter(({ status }) => status === 200)).toHaveLength(2);
      for (const { status, headers, bytes } of refused) {
        expect(status).toBe(429);
        expect(headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
        expect(headers.get("cache-control")).toBe("no-store");
        expect(JSON.parse(bytes.toString()).error.code).toBe("too_many_requests");
      }
      const drawnSlug = slugs[answers.findIndex(({ status }) => status === 200)] ?? "";
      const [otherSlug = "", ...undrawn] = slugs.filter((_, i) => answers[i]?.status !== 200);
      // Another reader is not held up by the greedy one.
      expect((await server.get(otherSlug, "10.30.0.2")).status).toBe(200);
      // One at a time, the greedy client draws until its 5 a minute are spent, then is refused without a render.
      const drawnBefore = server.events.length;
      const oneByOne: number[] = [];
      for (const slug of undrawn) oneByOne.push((await server.get(slug, greedy)).status);
      const drawn = oneByOne.filter((status) => status === 200).length;
      expect(drawn).toBeLessThanOrEqual(3);
      expect(oneByOne).toEqual([...Array(drawn).fill(200), ...Array(undrawn.length - drawn).fill(429)]);
      expect(server.events.length).toBe(drawnBefore + drawn);
      // …but cards already drawn still come, limit or not.
      expect((await server.get(otherSlug, greedy)).status).toBe(200);
      expect((await server.get(drawnSlug, greedy)).status).toBe(200);
      await server.close();
    });

    it("refuse a client past its limits before reading the story, while its drawn cards stay free", async () => {
      const server = await cardServer({ threads: 1, queue: 32, perClient: { atOnce: 1, perMinute: 2 } });
      const slugs = await saveCardStories(server.store, "refused-early", 8);
      const greedy = "10.31.0.1";
      const [first = "", second = "", ...undrawn] = slugs;
      for (const slug of [first, second]) expect((await server.get(slug, greedy)).status).toBe(200);
      // Its two a minute are drawn: asking for more cards, in any shape, reads no story and draws nothing.
      const [readsBefore, drawnBefore] = [server.storyReads(), server.events.length];
      const refused = await Promise.all(
        [...undrawn, `${first}/1x1`, `${second}/16x9`].map((card) => server.get(card, greedy)),
      );
      expect(refused.map(({ status }) => status)).toEqual(refused.map(() => 429));
      for (const { headers } of refused) expect(headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect([server.storyReads(), server.events.length]).toEqual([readsBefore, drawnBefore]);
      // Cards already drawn still come, read from the store as ever (an edit would show).
      expect((await server.get(first, greedy)).status).toBe(200);
      expect(server.storyReads()).toBe(readsBefore + 1);
      // Another client is not refused.
      expect((await server.get(undrawn[0] ?? "", "10.31.0.2")).status).toBe(200);
      await server.close();
    });

    it("draw a card in a shape on a render thread, counted as a render", async () => {
      const server = await cardServer({ threads: 1 });
      const { status, bytes } = await server.get(`${NO_PICTURE}/1x1`);
      expect(status).toBe(200);
      expect(imageSize(bytes)).toMatchObject({ type: "png", width: 1200, height: 1200 });
      expect(server.events.map(({ slug, thread }) => ({ slug, onMain: thread === threadId }))).toEqual([
        { slug: NO_PICTURE, onMain: false },
      ]);
      // The whole card, centred on its paper: its red top rule 285 px down, paper above and below.
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
      ];
      expect([pixel(0, 0), pixel(600, 280), pixel(600, 290), pixel(1199, 1199)]).toEqual([PAPER, PAPER, ACCENT, PAPER]);
      expect((await server.get(`${NO_PICTURE}/1x1`)).bytes.equals(bytes)).toBe(true);
      expect(server.events).toHaveLength(1);
      await server.close();
    });

    // Linux keeps a priority (nice) per thread, in /proc; elsewhere the threads keep the process's.
    it.runIf(existsSync("/proc/thread-self"))("draw at a lower priority than the server's own thread", async () => {
      const server = await cardServer({ threads: 2 });
      expect((await server.get(NO_PICTURE)).status).toBe(200);
      const threads = readdirSync("/proc/self/task").map((task) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), nice: Number(fields[16]) };
      });
      const main = threads.find(({ name }) => name !== "share-card");
      const drawing = threads.filter(({ name }) => name === "share-card");
      expect(drawing.length).toBeGreaterThan(0);
      for (const thread of drawing) expect(thread.nice).toBe((main?.nice ?? 0) + 10);
      await server.close();
    });

    it("share the cards out among their threads, each drawing one at a time", async () => {
      const server = await cardServer({ threads: 2, queue: 32 });
      const slugs = await saveCardStories(server.store, "shared-out", 10);
      const answers = await Promise.all(slugs.map((slug) => server.get(slug)));
      expect(answers.map(({ status }) => status)).toEqual(slugs.map(() => 200));
      expect(new Set(server.events.map(({ thread }) => thread)).size).toBe(2);
      expect(mostAtOnce(server.events)).toBeLessThanOrEqual(2);
      await server.close();
    });

    it("leave pages answering while cards are drawn", async () => {
      const server = await cardServer({ threads: 1, queue: 32 });
      const slugs = await saveCardStories(server.store, "busy-thread", 20);
      let cardsAnswered = 0;
      const cards = slugs.map((slug) => server.get(slug).finally(() => cardsAnswered++));
      // Once the first card is drawn (the thread is up), ask for a page and the health check.
      await vi.waitFor(() => expect(server.events.length).toBeGreaterThan(0), { timeout: 20_000, interval: 5 });
      const page = await fetch(`${server.url}/stories/${WATCH}`);
      const health = await fetch(`${server.url}/healthz`);
      const answeredBefore = cardsAnswered;
      expect([page.status, health.status]).toEqual([200, 200]);
      expect(await page.text()).toContain("<html");
      expect(answeredBefore).toBeLessThan(slugs.length);
      expect((await Promise.all(cards)).map(({ status }) => status)).toEqual(slugs.map(() => 200));
      expect(mostAtOnce(server.events)).toBe(1);
      await server.close();
    });

    it("start with the first card and stop when the app closes, after the card in flight", async () => {
      // A card drawn at low priority on a busy machine may take longer than the usual second's grace.
      const server = await cardServer({ threads: 2, closeGraceMs: 30_000 });
      expect(server.threads).toEqual([]);
      // On a connection of its own: the app's close waits for a kept-alive connection to go idle.
      const card = statusWithoutKeepAlive(`${server.url}/og/${WATCH}.png`);
      await vi.waitFor(() => expect(server.threads).toHaveLength(1), { interval: 5, timeout: 10_000 });
      await server.close();
      expect(await card).toBe(200);
      const [started] = server.threads;
      expect(server.threads).toEqual([started, { thread: started?.thread, state: "exited" }]);
    });

    it("give up on a render that overruns, answer 500 and replace the thread", async () => {
      const server = await cardServer({ threads: 1, renderTimeoutMs: 1 });
      const { status, bytes } = await server.get(WATCH);
      expect(status).toBe(500);
      expect(JSON.parse(bytes.toString()).error.code).toBe("internal_error");
      expect((await server.get(WATCH)).status).toBe(500);
      expect(server.events).toEqual([]);
      const started = server.threads.filter(({ state }) => state === "started");
      expect(started.length).toBe(2);
      await server.close();
      expect(server.threads.filter(({ state }) => state === "exited")).toHaveLength(2);
    });
  });
});

/** The status of a GET on a connection closed after it (fetch keeps connections alive). */
function statusWithoutKeepAlive(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    }).on("error", reject);
  });
}

/** The most renders that were under way at one moment, from the times the threads report. */
function mostAtOnce(events: CardRender[]): number {
  const edges = events.flatMap(({ startedAt, ms }) => [
    { at: startedAt, change: 1 },
    { at: startedAt + ms, change: -1 },
  ]);
  // An end before a start at the same moment: touching renders are not at once.
  edges.sort((a, b) => a.at - b.at || a.change - b.change);
  let now = 0;
  let most = 0;
  for (const { change } of edges) {
    now += change;
    most = Math.max(most, now);
  }
  return most;
}

/** Saves `count` stories of their own (cards are drawn once per story), returning their slugs. */
async function saveCardStories(target: TestServer["store"], prefix: string, count: number): Promise<string[]> {
  const slugs = Array.from({ length: count }, (_, i) => `${prefix}-card-${i + 1}`);
  await target.saveStories(slugs.map((slug, i) => storyInput({ slug, headline: `Card number ${i + 1} of ${count}` })));
  return slugs;
}

describe("a card's picture", () => {
  it("is a JPEG or PNG read from the public folder, as a data URL", async () => {
    expect(await readPublicPicture(publicDir, "/media/ferry-fog.jpg")).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(await readPublicPicture(publicDir, "/icon-192.png")).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it.each([
    "/media/missing.jpg",
    "/favicon.svg",
    "/media/ferry-rescue.mp4",
    "/../package.json",
    "/media/%2e%2e/%2e%2e/package.json",
    "//example.com/x.jpg",
    "https://example.com/x.jpg",
  ])("is left out for %s", async (src) => {
    expect(await readPublicPicture(publicDir, src)).toBeUndefined();
  });
});

describe("a card's headline", () => {
  const box = { width: 600, height: 340 };

  it("is set smaller the longer it is", () => {
    const short = fitHeadline("Gales shut the strait", box);
    const usual = fitHeadline("Ferry crew pulls two kayakers from the Sound as fog rolls in", box);
    const long = fitHeadline("word ".repeat(30).trim(), box);
    expect(short.fontSize).toBeGreaterThan(usual.fontSize);
    expect(usual.fontSize).toBeGreaterThan(long.fontSize);
    for (const fitted of [short, usual, long]) {
      expect(fitted.text).not.toContain("\u2026");
      expect(fitted.lines * Math.round(fitted.fontSize * 1.1)).toBeLessThanOrEqual(box.height);
    }
  });

  it("is cut at a word, with an ellipsis, when it fits at no size", () => {
    const headline = "a longer word ".repeat(30).trim();
    const fitted = fitHeadline(headline, box);
    expect(fitted.text).toMatch(/^a longer word .*\w\u2026$/);
    expect(headline.startsWith(fitted.text.slice(0, -1))).toBe(true);
    expect(fitted.text.length).toBeLessThan(headline.length);
  });

  it("counts a Chinese or Japanese character as two, since it is a whole em wide", () => {
    const latin = fitHeadline("x".repeat(24), box);
    const japanese = fitHeadline("図".repeat(12), box);
    expect(japanese.fontSize).toBe(latin.fontSize);
    expect(fitHeadline("図".repeat(24), box).fontSize).toBeLessThan(latin.fontSize);
    const cut = fitHeadline("図書館".repeat(60), box);
    expect(cut.text.endsWith("\u2026")).toBe(true);
    expect([...cut.text].length * 2).toBeLessThanOrEqual(fitHeadline("x".repeat(360), box).text.length + 2);
  });
});
