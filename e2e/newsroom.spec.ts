// The newsroom in the browser (issue 22): its own program, behind the session. Staff sign in with
// an email and a password and land on the stories; anyone else meets the sign-in page; signing out
// ends the session. A reader's story page never loads a byte of it, and signing in and the stories
// load none of the editor's (Lexical): it comes when a story is opened.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, signIn, storyFields } from "./newsroomSupport";
import { WATCH_PATH, waitForHydration } from "./support";

test("a signed-out visitor meets the sign-in page, signs in, lands on the stories and signs out", async ({
  page,
  request,
}) => {
  const staff = await makeStaff(request, "editor", "Ines Editor");

  const answer = await page.goto("/newsroom");
  expect(answer?.headers()["cache-control"]).toBe("private, no-store");
  await expect(page).toHaveURL(/\/newsroom\/sign-in\?next=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the newsroom");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // Its stylesheet is in: the button is big enough to tap (--target, 2.75rem).
  const button = await page.getByRole("button", { name: "Sign in" }).boundingBox();
  expect(button?.height).toBeGreaterThanOrEqual(44);

  // A wrong password is refused, in words, and the password box is emptied for another try.
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();

  // By keyboard alone.
  await page.getByLabel("Password").fill(staff.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/newsroom$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");
  await expect(page.getByText(`Signed in as ${staff.name}`)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // A reload keeps the session (the cookie), and the page is still never kept.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/newsroom\/sign-in$/);
  expect((await page.request.get("/api/session")).status()).toBe(401);
  await page.goto("/newsroom");
  await expect(page).toHaveURL(/\/newsroom\/sign-in\?next=/);
});

test("the stories: drafts, scheduled and published together, newest change first, found by status, section, author and words", async ({
  page,
  request,
}) => {
  const staff = await makeStaff(request, "contributor", "Cai Contributor");
  const word = `Quellmarsh${Date.now().toString(36)}`;
  const auth = { authorization: `Bearer ${adminToken}` };
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const put = async (slug: string, headline: string, section: string, extra: Record<string, unknown>) => {
    const answer = await request.put(`/api/stories/${slug}`, {
      headers: auth,
      data: {
        headline,
        section,
        authors: [{ slug: "test-desk", name: "Test Desk" }],
        tags: [],
        publishedAt: at(-120),
        updatedAt: at(-90),
        body: [{ type: "paragraph", text: "Written by the newsroom's browser test." }],
        ...extra,
      },
    });
    expect(answer.status(), await answer.text()).toBe(201);
  };
  await put(`${word.toLowerCase()}-published`, `${word} harbour reopens`, "city", {});
  await put(`${word.toLowerCase()}-scheduled`, `${word} regatta route`, "culture", {
    status: "scheduled",
    publishAt: at(60),
    authors: [{ slug: `${word.toLowerCase()}-writer`, name: `Wren ${word}` }],
  });
  await put(`${word.toLowerCase()}-draft`, `${word} council draft`, "city", { status: "draft" });

  await signIn(page, staff, "/newsroom");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");

  const filters = page.getByRole("search", { name: "Find stories" });
  await filters.getByLabel("Words in the headline").fill(word.toUpperCase());
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word.toUpperCase()}`));
  const rows = page.getByRole("listitem");
  // Held stories are dated by their last save (just now), the published one by its update.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(`${word} harbour reopens`);
  await expect(rows.nth(2)).toContainText("Published");
  await expect(rows.filter({ hasText: "regatta" })).toContainText("Scheduled");
  await expect(rows.filter({ hasText: "regatta" })).toContainText("Goes out");
  await expect(rows.filter({ hasText: "council draft" })).toContainText("Draft");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await filters.getByLabel("Status").selectOption("draft");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`${word} council draft`);

  await filters.getByLabel("Status").selectOption("");
  await filters.getByLabel("Section").selectOption({ label: "Culture" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`${word} regatta route`);

  // The filters are the address: a reload shows the same.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(filters.getByLabel("Section")).toHaveValue("culture");

  // By author: only the stories that name them, whatever their section.
  await filters.getByLabel("Section").selectOption("");
  await filters.getByLabel("Author").selectOption({ label: `Wren ${word}` });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`author=${word.toLowerCase()}-writer`));
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`${word} regatta route`);
  await filters.getByLabel("Author").selectOption({ label: "Test Desk" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(rows).toHaveCount(2);

  await filters.getByLabel("Words in the headline").fill(`${word} nothing like it`);
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No stories match.")).toBeVisible();
});

test("a new member of staff follows their invitation, chooses a password and lands on the stories; the link then works no more", async ({
  page,
  request,
}) => {
  const email = `author-${Date.now().toString(36)}@newsroom.test`;
  const made = await request.post("/api/accounts", {
    headers: { authorization: `Bearer ${adminToken}` },
    data: { email, name: "Ada Author", role: "author" },
  });
  expect(made.status()).toBe(201);
  const { invitation } = (await made.json()) as { invitation: { url: string } };

  await page.goto(invitation.url);
  await expect(page).toHaveURL(/\/newsroom\/invitations\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to the newsroom");
  await expect(page.getByText(`Choose a password for ${email}.`)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByLabel("New password, at least 12 characters").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Set the password and sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");
  await expect(page.getByText("Signed in as Ada Author")).toBeVisible();

  await page.goto(invitation.url);
  await expect(
    page.getByText("This invitation was used already, has expired, or never was. Ask an admin for a new one."),
  ).toBeVisible();
});

test("a reader's story page loads nothing of the newsroom", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  expect(fetched.filter((path) => path.startsWith("/assets/")).length).toBeGreaterThan(0);
  expect(fetched.filter((path) => /newsroom/.test(path))).toEqual([]);
});

test("signing in and the stories fetch none of the editor's code; opening a story fetches it, and its history and live console theirs", async ({
  page,
  request,
}) => {
  // Three pages opened and an account made on a busy machine: more than the default 30 s.
  test.setTimeout(90_000);
  const word = `Lazyfern${Date.now().toString(36)}`;
  const slug = word.toLowerCase();
  const made = await request.put(`/api/stories/${slug}`, {
    headers: { authorization: `Bearer ${adminToken}` },
    data: storyFields(`${word} pier lights`, [{ type: "paragraph", text: "The pier is lit again." }], { live: true }),
  });
  expect(made.status(), await made.text()).toBe(201);
  const staff = await makeStaff(request, "editor", "Lina Lazy");

  // Every script the newsroom fetches, with what it says; and what the security policy refused (a
  // lazy page's preload without the nonce, say).
  const scripts: { path: string; body: Promise<string> }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      scripts.push({ path: new URL(response.url()).pathname, body: response.text() });
  });
  const complaints: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) complaints.push(message.text());
  });
  const fetched = async (since = 0) =>
    Promise.all(scripts.slice(since).map(async ({ path, body }) => ({ path, body: await body })));
  const lexical = (body: string) => /lexical/i.test(body);

  await signIn(page, staff, `/newsroom?q=${word}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");
  await expect(page.getByRole("link", { name: `${word} pier lights` })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const first = await fetched();
  expect(first.map(({ path }) => path)).toEqual([expect.stringMatching(/^\/newsroom-app\/assets\/main-[\w-]+\.js$/)]);
  expect(first.filter(({ body }) => lexical(body)).map(({ path }) => path)).toEqual([]);

  // Opening the story fetches the editor, Lexical and all (and the block diff it shares with the
  // history, for merging after a collision), and the editor works.
  let seen = scripts.length;
  await page.getByRole("link", { name: `${word} pier lights` }).click();
  await expect(page.getByRole("textbox", { name: "Paragraph 1", exact: true })).toHaveText("The pier is lit again.");
  const editor = await fetched(seen);
  expect(editor.map(({ path }) => path.replace(/-[\w-]+\.js$/, "")).sort()).toEqual([
    "/newsroom-app/assets/EditorPage",
    "/newsroom-app/assets/storyDiff",
  ]);
  expect(editor.filter(({ body }) => lexical(body))).toHaveLength(1);

  // The history and the live console come in chunks of their own, without Lexical.
  seen = scripts.length;
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("region", { name: "Revisions" })).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: "Live console" }).click();
  await expect(page.getByLabel("What is happening")).toBeVisible();
  const others = await fetched(seen);
  expect(others.map(({ path }) => path.replace(/-[\w-]+\.js$/, ""))).toEqual(
    expect.arrayContaining(["/newsroom-app/assets/HistoryPage", "/newsroom-app/assets/LivePage"]),
  );
  expect(others.filter(({ body }) => lexical(body)).map(({ path }) => path)).toEqual([]);
  expect(complaints).toEqual([]);
});
