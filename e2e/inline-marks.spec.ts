// A story with links and marks in its text (docs/decisions/042), in the browser: the server's page
// sets them, React hydrates it without a mismatch, and a link to another story of the site
// navigates in the page while a link to another site says rel="noopener".
import { expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { documentIsMarked, fetchStory, markDocument, WATCH_PATH, WATCH_SLUG, waitForHydration } from "./support";

test("a paragraph's links and emphasis hydrate, and its story link navigates in the page", async ({
  page,
  request,
}) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  const slug = `marked-by-e2e-${test.info().workerIndex}-${Date.now()}`;
  const text = "The crew's account of the rescue is the one to read, the council says.";
  const written = await request.put(`/api/stories/${slug}`, {
    headers: { authorization: `Bearer ${adminToken}` },
    data: {
      headline: "Council backs the ferry crew",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      // Older than the demo stories, so the front page the other tests read stays as it was.
      publishedAt: "2026-10-01T09:00:00.000Z",
      updatedAt: "2026-10-01T09:00:00.000Z",
      body: [
        {
          type: "paragraph",
          text,
          runs: [
            { text: "The " },
            { text: "crew's account", marks: ["em"], href: WATCH_PATH },
            { text: " of the rescue is " },
            { text: "the one to read", marks: ["strong"] },
            { text: ", the " },
            { text: "council", href: "https://council.example/ferry" },
            { text: " says." },
          ],
        },
      ],
    },
  });
  expect(written.status()).toBe(201);

  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /hydrat/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  await page.goto(`/stories/${slug}`);
  await waitForHydration(page);
  const paragraph = page.locator("main p#p-1");
  await expect(paragraph).toHaveText(text);
  await expect(paragraph.locator("strong")).toHaveText("the one to read");
  await expect(paragraph.getByRole("link", { name: "council" })).toHaveAttribute("rel", "noopener");
  const storyLink = paragraph.getByRole("link", { name: "crew's account" });
  await expect(storyLink.locator("em")).toHaveText("crew's account");
  expect(problems).toEqual([]);

  await markDocument(page);
  await storyLink.click();
  await expect(page).toHaveURL(WATCH_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  expect(await documentIsMarked(page), "the story link navigated in the page").toBe(true);
  expect(problems).toEqual([]);
});
