// @vitest-environment jsdom
import { act, cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Block } from "../model/story";
import { renderWithApp, withTestSite } from "../test/renderWithApp";
import { StoryBody } from "./StoryBody";

afterEach(cleanup);

const video: Extract<Block, { type: "video" }> = {
  type: "video",
  title: "The crew's account",
  poster: "/media/poster.jpg",
  sources: [
    { src: "/media/clip.mp4", type: "video/mp4" },
    { src: "/media/clip.webm", type: "video/webm" },
  ],
  captions: [{ src: "/media/clip.en.vtt", srclang: "en", label: "English" }],
  durationS: 75,
};

describe("StoryBody", () => {
  it("renders every kind of block as a reader sees it", () => {
    renderWithApp(
      <StoryBody
        blocks={[
          { type: "paragraph", text: "The ferry left at dawn." },
          { type: "quote", text: "“We saw the kayak first.”", cite: "Deckhand Lea Morn" },
          { type: "heading", text: "What happened next" },
          {
            type: "image",
            src: "/media/pier.jpg",
            alt: "The pier at dawn",
            caption: "Pier 3",
            width: 1200,
            height: 675,
          },
          { type: "related", slug: "fog-explainer", headline: "Why the fog is thicker this year" },
          video,
        ]}
      />,
    );
    expect(screen.getByText("The ferry left at dawn.").tagName).toBe("P");
    const quote = screen.getByText("“We saw the kayak first.”").closest("figure");
    expect(quote?.querySelector("blockquote")).not.toBeNull();
    expect(within(quote as HTMLElement).getByText("Deckhand Lea Morn")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "What happened next" })).toBeTruthy();
    const image = screen.getByRole("img", { name: "The pier at dawn" });
    expect(image.getAttribute("width")).toBe("1200");
    expect(image.getAttribute("height")).toBe("675");
    expect(screen.getByText("Pier 3").tagName).toBe("FIGCAPTION");
    expect(screen.getByRole("link", { name: "Why the fog is thicker this year" }).getAttribute("href")).toBe(
      "/stories/fog-explainer",
    );
    expect(screen.getByText("(1:15)")).toBeTruthy();
  });

  it("sets a post from another platform as a quotation with who, when and a link to it, loading nothing from it", () => {
    const { container } = renderWithApp(
      <StoryBody
        blocks={[
          {
            type: "embed",
            url: "https://bsky.app/profile/harbour.bsky.social/post/3kferry",
            provider: "bluesky",
            text: "Ferry runs again\nfrom Monday",
            runs: [{ text: "Ferry", marks: ["strong"] }, { text: " runs again\nfrom Monday" }],
            author: "Harbour Council",
            date: "2026-12-06T18:05:00Z",
          },
          { type: "embed", url: "https://www.instagram.com/p/C0abc/", provider: "instagram", text: "Dawn at pier 3." },
        ]}
      />,
    );
    const [first, second] = container.querySelectorAll("figure");
    expect(within(first as HTMLElement).getByText("Post on Bluesky").tagName).toBe("P");
    const quote = first?.querySelector("blockquote");
    expect(quote?.getAttribute("cite")).toBe("https://bsky.app/profile/harbour.bsky.social/post/3kferry");
    expect(quote?.textContent).toBe("Ferry runs again\nfrom Monday");
    expect(quote?.querySelector("strong")?.textContent).toBe("Ferry");
    const caption = first?.querySelector("figcaption") as HTMLElement;
    expect(caption.textContent).toBe("Harbour Council, 6 Dec 2026, 18:05\u00a0UTC View on Bluesky");
    expect(caption.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-06T18:05:00Z");
    // Isolated, so that a handle in Latin letters keeps its order on a right-to-left page.
    expect(caption.querySelector("bdi")?.textContent).toBe("Harbour Council");
    const link = within(caption).getByRole("link", { name: "View on Bluesky" });
    expect(link.getAttribute("href")).toBe("https://bsky.app/profile/harbour.bsky.social/post/3kferry");
    expect(link.getAttribute("rel")).toBe("noopener");
    // No author and no date: the post's words and the way to it, and nothing else.
    expect(second?.querySelector("figcaption")?.textContent).toBe("View on Instagram");
    expect(container.querySelector("script, iframe, object, embed, img")).toBeNull();
  });

  it("gives the video native controls, every source, captions and a poster", () => {
    const { container } = renderWithApp(<StoryBody blocks={[video]} />);
    const element = container.querySelector("video");
    expect(element?.hasAttribute("controls")).toBe(true);
    expect(element?.hasAttribute("playsinline")).toBe(true);
    expect(element?.getAttribute("preload")).toBe("metadata");
    expect(element?.getAttribute("poster")).toBe("/media/poster.jpg");
    expect([...container.querySelectorAll("source")].map((s) => s.getAttribute("src"))).toEqual([
      "/media/clip.mp4",
      "/media/clip.webm",
    ]);
    const track = container.querySelector("track");
    expect(track?.getAttribute("kind")).toBe("captions");
    expect(track?.getAttribute("srclang")).toBe("en");
    expect(track?.hasAttribute("default")).toBe(true);
  });

  it("starts the video at ?t= with a media fragment on every source", () => {
    const { container } = renderWithApp(<StoryBody blocks={[video]} startAt={42} />);
    expect([...container.querySelectorAll("source")].map((s) => s.getAttribute("src"))).toEqual([
      "/media/clip.mp4#t=42",
      "/media/clip.webm#t=42",
    ]);
  });

  it("shows a YouTube video as a poster facade and loads the no-cookie player only on play", async () => {
    const youtube = { ...video, sources: [{ src: "dQw4w9WgXcQ", type: "video/youtube" as const }], captions: [] };
    const { container } = renderWithApp(<StoryBody blocks={[youtube]} startAt={30} />);
    expect(container.querySelector("iframe")).toBeNull();
    const play = screen.getByRole("link", { name: "Play video: The crew's account" });
    expect(play.getAttribute("href")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30");
    await userEvent.click(play);
    const iframe = container.querySelector("iframe");
    expect(iframe?.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=30");
    expect(iframe?.getAttribute("title")).toBe("The crew's account");
  });

  it("anchors paragraphs and quotes as p-1, p-2… in reading order, and marks the quoted one", () => {
    const { container } = renderWithApp(
      <StoryBody
        blocks={[
          { type: "paragraph", text: "First." },
          { type: "heading", text: "Not a passage" },
          { type: "quote", text: "“Second.”" },
          video,
          { type: "paragraph", text: "Third." },
        ]}
        marked={2}
        share={{ url: "https://news.example/stories/s", title: "S" }}
      />,
    );
    expect([...container.querySelectorAll("[id^=p-]")].map((e) => [e.id, e.textContent?.slice(0, 9)])).toEqual([
      ["p-1", "First."],
      ["p-2", "“Second.”"],
      ["p-3", "Third."],
    ]);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["“Second.”"]);
    expect(screen.getByRole("link", { name: "Share this quote" }).getAttribute("href")).toBe(
      "https://news.example/stories/s?quote=2",
    );
  });
});

describe("a passage's links and marks", () => {
  const marked: Block[] = [
    {
      type: "paragraph",
      text: "The report, Harbour Walls, says <script>alert(1)</script> was leaked.",
      runs: [
        { text: "The " },
        { text: "report", href: "https://council.example/walls" },
        { text: ", " },
        { text: "Harbour Walls", marks: ["em"], href: "/stories/harbour-walls" },
        { text: ", says " },
        { text: "<script>alert(1)</script>", marks: ["strong"] },
        { text: " was " },
        { text: "leaked", marks: ["em", "strong"] },
        { text: "." },
      ],
    },
    {
      type: "quote",
      text: "Never again.",
      runs: [{ text: "Never", marks: ["em"] }, { text: " again." }],
      cite: "The mayor",
    },
    {
      type: "image",
      src: "/media/pier.jpg",
      alt: "The pier",
      caption: "Pier 3, by the ferry.",
      captionRuns: [
        { text: "Pier 3", marks: ["strong"] },
        { text: ", by the " },
        { text: "ferry", href: "/stories/ferry" },
        { text: "." },
      ],
      width: 1200,
      height: 675,
    },
  ];

  it("sets links as links, emphasis as <em> and strong as <strong>, and script as text", () => {
    const { container } = renderWithApp(
      <StoryBody blocks={marked} marked={2} share={{ url: "https://news.example/stories/s", title: "S" }} />,
    );
    const external = screen.getByRole("link", { name: "report" });
    expect(external.getAttribute("href")).toBe("https://council.example/walls");
    expect(external.getAttribute("rel")).toBe("noopener");
    const own = screen.getByRole("link", { name: "Harbour Walls" });
    expect(own.getAttribute("href")).toBe("/stories/harbour-walls");
    expect(own.hasAttribute("rel")).toBe(false);
    expect(own.querySelector("em")?.textContent).toBe("Harbour Walls");
    const paragraph = container.querySelector("#p-1");
    expect(paragraph?.textContent).toBe(marked[0]?.type === "paragraph" ? marked[0].text : "");
    expect([...(paragraph?.querySelectorAll("strong") ?? [])].map((e) => e.textContent)).toEqual([
      "<script>alert(1)</script>",
      "leaked",
    ]);
    expect(paragraph?.querySelector("script")).toBeNull();
    expect(paragraph?.querySelector("strong > em")?.textContent).toBe("leaked");
    // The quoted passage is marked whole, its emphasis inside the mark; the quote shared is plain.
    expect(container.querySelector("#p-2 mark em")?.textContent).toBe("Never");
    expect(container.querySelector("figcaption strong")?.textContent).toBe("Pier 3");
    expect(screen.getByRole("link", { name: "ferry" }).getAttribute("href")).toBe("/stories/ferry");
  });

  it("hydrates the server's markup without a mismatch", async () => {
    const ui = (
      <MemoryRouter>
        <StoryBody blocks={marked} />
      </MemoryRouter>
    );
    const served = renderToString(withTestSite(ui));
    const container = document.createElement("div");
    container.innerHTML = served;
    document.body.append(container);
    const parsed = container.innerHTML;
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, "error").mockImplementation((...args) => errors.push(args));
    try {
      await act(async () => {
        hydrateRoot(container, withTestSite(ui), { onRecoverableError: (error) => errors.push(error) });
      });
    } finally {
      consoleError.mockRestore();
    }
    expect(errors).toEqual([]);
    expect(container.innerHTML).toBe(parsed);
    expect(container.querySelector("a[rel=noopener]")?.textContent).toBe("report");
    container.remove();
  });
});
