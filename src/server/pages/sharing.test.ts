// What unfurlers see: a real Open Graph parser from the registry (open-graph-scraper) reads the
// real server's pages, and every image it finds must be there at the size the page declares.
import { extract, setProviderList } from "@extractus/oembed-extractor";
import { imageSize } from "image-size";
import { JSDOM } from "jsdom";
import ogs from "open-graph-scraper";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageShapeProblems, newsArticleProblems } from "../../test/googleStructuredData";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";
const SITE = "https://news.example";

/** The test server stands in for PUBLIC_URL (https://news.example): fetch its URLs from the server. */
const local = (url: string) => `${server.url}${new URL(url).pathname}${new URL(url).search}`;

async function unfurl(path: string) {
  const { result, error } = await ogs({ url: `${server.url}${path}` });
  expect(error).toBe(false);
  return result;
}

async function expectImageAsDeclared(image: { url: string; width?: number; height?: number }) {
  expect(image.url.startsWith(`${SITE}/`)).toBe(true);
  const response = await fetch(local(image.url));
  expect(response.status, image.url).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^image\//);
  const size = imageSize(new Uint8Array(await response.arrayBuffer()));
  expect({ width: size.width, height: size.height }).toEqual({
    width: Number(image.width),
    height: Number(image.height),
  });
}

describe("Open Graph, as an unfurler reads it", () => {
  it("reads a story: title, description, image, url, type and site name", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const og = await unfurl(`/stories/${WATCH}`);
    expect(og.ogTitle).toBe(story.headline);
    expect(og.ogDescription).toBe(story.deck);
    expect(og.ogUrl).toBe(story.url);
    expect(og.ogType).toBe("article");
    expect(og.ogSiteName).toBe("Dispatch");
    expect(og.ogImage).toHaveLength(1);
    for (const image of og.ogImage ?? []) await expectImageAsDeclared(image);
  });

  it("reads a quote URL: the quote as description, the story's canonical URL", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const passages = story.body.filter((b: { type: string }) => b.type === "paragraph" || b.type === "quote");
    const n = passages.findIndex((b: { type: string }) => b.type === "quote") + 1;
    const og = await unfurl(`/stories/${WATCH}?quote=${n}`);
    expect(og.ogDescription).toBe(passages[n - 1].text);
    expect(og.twitterDescription).toBe(passages[n - 1].text);
    expect(og.ogUrl).toBe(story.url);
    expect(og.ogTitle).toBe(story.headline);
  });

  it("reads a video story's video: its player first, then the MP4, each with its type and size", async () => {
    const og = await unfurl(`/stories/${WATCH}`);
    const videos = (og.ogVideo ?? []).map((v) => ({ ...v, width: Number(v.width), height: Number(v.height) }));
    expect(videos).toEqual([
      { url: `${SITE}/embed/${WATCH}`, type: "text/html", width: 640, height: 360 },
      { url: `${SITE}/media/ferry-rescue.mp4`, type: "video/mp4", width: 640, height: 360 },
    ]);
    expect(og.twitterCard).toBe("player");
    expect(og.twitterPlayer?.[0]).toMatchObject({ url: `${SITE}/embed/${WATCH}`, width: "640", height: "360" });
    const player = await fetch(local(`${SITE}/embed/${WATCH}`));
    expect(player.status).toBe(200);
    expect(player.headers.get("content-type")).toMatch(/^text\/html/);
    const video = await fetch(local(`${SITE}/media/ferry-rescue.mp4`), { method: "HEAD" });
    expect(video.status).toBe(200);
  });

  it("offers every story's share image at 1200×630, the lead picture's crop where it has one", async () => {
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const pictured = (items as { slug: string; image?: { src: string; version?: string } }[]).filter((s) => s.image);
    expect(pictured.length).toBeGreaterThanOrEqual(9);
    for (const { slug, image } of items as { slug: string; image?: { src: string; version?: string } }[]) {
      const [shared, ...more] = (await unfurl(`/stories/${slug}`)).ogImage ?? [];
      expect(more, slug).toEqual([]);
      expect(shared?.url, slug).toBe(
        image ? `${SITE}/img${image.src}/${image.version}/og.jpg` : `${SITE}/og/${slug}.png`,
      );
      // Its bytes, not only its tags, are 1200×630.
      await expectImageAsDeclared({ url: shared?.url ?? "", width: 1200, height: 630 });
      expect(Number(shared?.width)).toBe(1200);
      expect(Number(shared?.height)).toBe(630);
    }
  });

  it("gives a story without a big lead image its 1200×630 share card", async () => {
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const plain = items.find((s: { image?: unknown }) => !s.image);
    const og = await unfurl(`/stories/${plain.slug}`);
    const [card] = og.ogImage ?? [];
    expect({ url: card?.url, width: Number(card?.width), height: Number(card?.height) }).toEqual({
      url: `${SITE}/og/${plain.slug}.png`,
      width: 1200,
      height: 630,
    });
    for (const image of og.ogImage ?? []) await expectImageAsDeclared(image);
  });

  it("announces the oEmbed endpoint and the feed", async () => {
    const html = await (await fetch(`${server.url}/stories/${WATCH}`)).text();
    expect(html).toContain(
      `type="application/json+oembed" href="${SITE}/oembed?url=${encodeURIComponent(`${SITE}/stories/${WATCH}`)}&amp;format=json"`,
    );
    expect(html).toContain(`type="application/rss+xml" title="Dispatch" href="${SITE}/feed.xml"`);
  });
});

describe("the site's other pages, as an unfurler reads them", () => {
  const pages = [
    ["the front page", "/"],
    ["a section", "/sections/city"],
    ["a tag", "/tags/weather"],
    ["an author", "/authors/mara-lindqvist"],
    ["search", "/search?q=fog"],
  ];

  it.each(pages)("gives %s a large card with the site's picture", async (_page, path) => {
    const og = await unfurl(path);
    expect(og.twitterCard).toBe("summary_large_image");
    expect(og.ogImage).toHaveLength(1);
    const [image] = og.ogImage ?? [];
    expect(image?.url).toBe(`${SITE}/site-card.png`);
    expect(og.twitterImage?.[0]?.url).toBe(image?.url);
    for (const each of og.ogImage ?? []) await expectImageAsDeclared(each);
  });

  const jsonLd = async (path: string) => ((await unfurl(path)).jsonLD ?? []) as Record<string, unknown>[];
  const ofType = (data: Record<string, unknown>[], type: string) => data.filter((d) => d["@type"] === type);

  it("describes the site on the front page: its search and its publisher with a sized logo", async () => {
    const data = await jsonLd("/");
    const [site] = ofType(data, "WebSite");
    expect(site).toMatchObject({
      url: `${SITE}/`,
      potentialAction: {
        "@type": "SearchAction",
        target: { urlTemplate: `${SITE}/search?q={search_term_string}` },
        "query-input": "required name=search_term_string",
      },
    });
    const template =
      (site?.potentialAction as { target?: { urlTemplate: string } } | undefined)?.target?.urlTemplate ?? "";
    const search = await fetch(local(template.replace("{search_term_string}", "fog")));
    expect(await search.text()).toContain("<mark");
    const [organization] = ofType(data, "Organization");
    const logo = organization?.logo as { url: string; width: number; height: number };
    expect(organization?.name).toBe("Dispatch");
    await expectImageAsDeclared(logo);
  });

  it.each([
    ["/sections/city", ["City"]],
    ["/tags/weather", ["Weather"]],
    ["/authors/mara-lindqvist", ["Mara Lindqvist"]],
  ])("gives the listing %s its breadcrumbs", async (path, trail) => {
    const [crumbs] = ofType(await jsonLd(path), "BreadcrumbList");
    const items = (crumbs?.itemListElement ?? []) as { position: number; name: string; item: string }[];
    expect(items.map((i) => i.name)).toEqual(["Dispatch", ...trail]);
    expect(items.map((i) => i.position)).toEqual(items.map((_i, index) => index + 1));
    expect(items.at(-1)?.item).toBe(`${SITE}${path}`);
    for (const item of items) expect((await fetch(local(item.item))).status, item.item).toBe(200);
  });

  it("makes an author's page a profile of the person", async () => {
    const [profile] = ofType(await jsonLd("/authors/mara-lindqvist"), "ProfilePage");
    expect(profile?.mainEntity).toMatchObject({
      "@type": "Person",
      name: "Mara Lindqvist",
      url: `${SITE}/authors/mara-lindqvist`,
    });
  });
});

describe("a story's structured data, against what Google asks of a news article and a video", () => {
  it("meets every required and recommended property on every demo story, an image on each", async () => {
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    expect(items.length).toBeGreaterThanOrEqual(14);
    let videos = 0;
    for (const { slug } of items as { slug: string }[]) {
      const data = (await unfurl(`/stories/${slug}`)).jsonLD as Record<string, unknown>[];
      const [article] = data.filter((d) => d["@type"] === "NewsArticle");
      if (!article) throw new Error(`${slug} has no NewsArticle`);
      expect(newsArticleProblems(article), slug).toEqual([]);
      if (article.video) videos += 1;
      for (const image of article.image as { url: string; width: number; height: number }[])
        await expectImageAsDeclared(image);
      const [crumbs] = data.filter((d) => d["@type"] === "BreadcrumbList");
      const names = ((crumbs?.itemListElement ?? []) as { name: string }[]).map((i) => i.name);
      expect(names.at(0)).toBe("Dispatch");
      expect(names.at(-1)).toBe(article.headline);
    }
    expect(videos).toBeGreaterThan(0);
  });

  it("finds a story's pictures short of the three shapes Google asks for", () => {
    expect(
      imageShapeProblems([
        { "@type": "ImageObject", url: "https://x.example/a.jpg", width: 1200, height: 675 },
        { "@type": "ImageObject", url: "https://x.example/b.jpg", width: 600, height: 450 },
        { "@type": "ImageObject", url: "https://x.example/c.jpg", width: 200, height: 200 },
      ]),
    ).toEqual([
      "image: https://x.example/c.jpg has fewer than 50000 pixels",
      "image: none at 4:3 with 800000 pixels or more",
      "image: none at 1:1 with 800000 pixels or more",
    ]);
  });

  it("finds what a story's data lacks", () => {
    expect(
      newsArticleProblems({
        "@type": "NewsArticle",
        headline: "H",
        datePublished: "2026-11-27",
        author: [{ "@type": "Person", name: "A" }],
        publisher: { "@type": "Organization", name: "Dispatch", logo: { url: "https://x.example/l.png" } },
        video: { "@type": "VideoObject", name: "V", duration: "75s" },
      }),
    ).toEqual([
      "NewsArticle: no dateModified",
      "NewsArticle: no image",
      "NewsArticle: datePublished 2026-11-27 is not ISO 8601 with a time zone",
      "author: no url",
      "publisher: no logo with url, width and height",
      "VideoObject: no thumbnailUrl",
      "VideoObject: no uploadDate",
      "VideoObject: no description",
      "VideoObject: no contentUrl or embedUrl",
      "VideoObject: duration 75s is not an ISO 8601 duration",
    ]);
  });
});

describe("GET /oembed", () => {
  const oembed = (query: string) => fetch(`${server.url}/oembed?${query}`);

  it("describes a story URL as an oEmbed link with a thumbnail", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const response = await oembed(`url=${encodeURIComponent(story.url)}&format=json`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      version: "1.0",
      type: "video",
      width: 640,
      height: 360,
      title: story.headline,
      author_name: story.authors[0].name,
      provider_name: "Dispatch",
      provider_url: `${SITE}/`,
    });
    await expectImageAsDeclared({
      url: body.thumbnail_url,
      width: body.thumbnail_width,
      height: body.thumbnail_height,
    });
  });

  /** An oEmbed consumer (@extractus/oembed-extractor) that knows Dispatch as a provider, asking for a box. */
  const consume = (url: string, box: { maxwidth?: number; maxheight?: number }) => {
    setProviderList([
      {
        provider_name: "Dispatch",
        provider_url: `${SITE}/`,
        endpoints: [{ schemes: [`${SITE}/stories/*`], url: `${server.url}/oembed` }],
      },
    ]);
    // The consumer asks over https, as it would of a real site; the test server speaks plain HTTP.
    return extract(url, box, (link: string | URL | Request) => fetch(String(link).replace(/^https:/, "http:")));
  };

  it.each([
    [320, 240],
    [600, 400],
    [1199, 2000],
    [1200, 700],
    [1600, 1200],
    [1200, 630],
  ])(
    "gives a consumer asking for at most %i×%i no thumbnail larger, on every demo story",
    async (maxwidth, maxheight) => {
      const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
      for (const { slug } of items as { slug: string }[]) {
        const answer = await consume(`${SITE}/stories/${slug}`, { maxwidth, maxheight });
        expect(answer.title, slug).toBeTruthy();
        const sized = ["thumbnail_url", "thumbnail_width", "thumbnail_height"].filter((k) => k in answer);
        expect(sized.length === 0 || sized.length === 3, slug).toBe(true);
        if (!answer.thumbnail_url) continue;
        expect(Number(answer.thumbnail_width), slug).toBeLessThanOrEqual(maxwidth);
        expect(Number(answer.thumbnail_height), slug).toBeLessThanOrEqual(maxheight);
        await expectImageAsDeclared({
          url: String(answer.thumbnail_url),
          width: Number(answer.thumbnail_width),
          height: Number(answer.thumbnail_height),
        });
      }
    },
  );

  it("keeps the largest thumbnail that fits, a smaller rendition for a smaller box, none when none does", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const rendition = (width: number) => `${SITE}/img${story.image.src}/${story.image.version}/w${width}.jpg`;
    expect((await consume(story.url, { maxwidth: 300, maxheight: 300 })).thumbnail_url).toBeUndefined();
    expect(await consume(story.url, { maxwidth: 320, maxheight: 240 })).toMatchObject({
      thumbnail_url: rendition(320),
      thumbnail_width: 320,
      thumbnail_height: 180,
    });
    expect(await consume(story.url, { maxwidth: 1000, maxheight: 1000 })).toMatchObject({
      thumbnail_url: rendition(960),
      thumbnail_width: 960,
      thumbnail_height: 540,
    });
    const roomy = await consume(story.url, { maxwidth: story.image.width, maxheight: story.image.height });
    expect(roomy).toMatchObject({
      thumbnail_url: rendition(story.image.width),
      thumbnail_width: story.image.width,
      thumbnail_height: story.image.height,
    });
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const plain = items.find((s: { image?: unknown }) => !s.image);
    expect(await consume(`${SITE}/stories/${plain.slug}`, { maxwidth: 1200, maxheight: 630 })).toMatchObject({
      thumbnail_url: `${SITE}/og/${plain.slug}.png`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
  });

  it("gives the video story to a consumer as a video: an iframe of its player, within the box", async () => {
    const answer = await consume(`${SITE}/stories/${WATCH}`, { maxwidth: 480, maxheight: 400 });
    expect(answer).toMatchObject({ type: "video", width: 480, height: 270 });
    const frame = new JSDOM(String(answer.html)).window.document.querySelector("iframe");
    expect(frame?.getAttribute("src")).toBe(`${SITE}/embed/${WATCH}`);
    expect([frame?.getAttribute("width"), frame?.getAttribute("height")]).toEqual(["480", "270"]);
    expect(frame?.getAttribute("title")).toBeTruthy();
    const shorter = await consume(`${SITE}/stories/${WATCH}`, { maxwidth: 1000, maxheight: 180 });
    expect(shorter).toMatchObject({ type: "video", width: 320, height: 180 });
    // The frame's page is the story's video alone.
    const player = new JSDOM(await (await fetch(local(String(frame?.getAttribute("src"))))).text()).window.document;
    expect([...player.querySelectorAll("video source")].map((s) => s.getAttribute("src"))).toEqual([
      "/media/ferry-rescue.mp4",
      "/media/ferry-rescue.webm",
    ]);
    expect(player.querySelectorAll("script")).toHaveLength(0);
    // A story without a video stays a link, with nothing to embed.
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const still = (items as { slug: string; hasVideo: boolean }[]).find((s) => !s.hasVideo);
    const link = await consume(`${SITE}/stories/${still?.slug}`, { maxwidth: 480, maxheight: 400 });
    expect(link.type).toBe("link");
    expect(link.html).toBeUndefined();
  });

  it.each(["0", "-5", "wide", "1.5", "999999"])("answers maxwidth=%s with 400 and an error body", async (value) => {
    const response = await oembed(`url=${encodeURIComponent(`${SITE}/stories/${WATCH}`)}&maxwidth=${value}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });

  it.each([
    ["no url", "format=json", 400],
    ["a URL of another site", `url=${encodeURIComponent(`https://elsewhere.example/stories/${WATCH}`)}`, 404],
    ["a page that is not a story", `url=${encodeURIComponent(`${SITE}/sections/city`)}`, 404],
    ["a story that does not exist", `url=${encodeURIComponent(`${SITE}/stories/nope`)}`, 404],
    ["not a URL", "url=%3Cscript%3E", 404],
    ["format=xml", `url=${encodeURIComponent(`${SITE}/stories/${WATCH}`)}&format=xml`, 501],
  ])("answers %s with %i and an error body", async (_case, query, status) => {
    const response = await oembed(query);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toEqual(expect.any(String));
  });
});
