// Who wrote what, on the real server and store of each engine (docs/decisions/035): staff read the
// name of each revision's, correction's and live entry's author; a reader's page, its JSON, its
// entries and the feeds never carry a member of staff's name or email that is not the byline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthoredCorrection } from "../../model/authorship";
import type { LiveEntryPage } from "../../model/liveEntry";
import type { RevisionPage } from "../../model/revision";
import { testEngines } from "../../store/testDatabases";
import { storyDraft } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const SITE = "https://news.example";
const PASSWORD = "correct horse battery staple";
const SLUG = "quay-fire-live";

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine, publicUrl: SITE, demo: false });
    await server.store.saveSections([{ slug: "city", name: "City" }]);
  });
  afterAll(async () => {
    await server.close();
  });

  /** What the newsroom's own pages send with a write. */
  const sameOrigin = { origin: SITE, "sec-fetch-site": "same-origin" };
  const call = (method: string, path: string, body?: unknown, auth: { token?: string; cookie?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.cookie === undefined ? {} : { cookie: auth.cookie, ...sameOrigin }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** An editor made by the admin token, their invitation accepted: their name, email and session cookie. */
  async function editor(name: string) {
    const email = `${name.toLowerCase().replaceAll(" ", ".")}-${engine}@staff.example`;
    const made = await call("POST", "/api/accounts", { email, name, role: "editor" }, { token: TOKEN });
    expect(made.status).toBe(201);
    const { invitation } = (await made.json()) as { invitation: { url: string } };
    const accepted = await call(
      "POST",
      `/api/invitations/${invitation.url.split("/").at(-1)}`,
      { password: PASSWORD },
      {
        cookie: "",
      },
    );
    expect(accepted.status).toBe(200);
    const set = accepted.headers.getSetCookie().find((line) => line.startsWith("__Host-dispatch_session="));
    return { name, email, cookie: (set ?? "").split(";")[0] as string };
  }

  const correction = {
    type: "correction",
    date: "2026-11-24T09:00:00.000Z",
    text: "An earlier version named the wrong quay.",
  };

  it("names the author of each revision, correction and entry to staff, and to no reader", async () => {
    const noor = await editor("Noor Haddad");
    const tomas = await editor("Tomas Lindqvist");
    const story = storyDraft({ headline: "Fire on the fish quay", live: true });
    expect((await call("PUT", `/api/stories/${SLUG}`, story, noor)).status).toBe(201);
    const corrected = { ...story, updatedAt: correction.date, body: [...story.body, correction] };
    expect((await call("PUT", `/api/stories/${SLUG}`, corrected, tomas)).status).toBe(200);
    const posted = await call(
      "POST",
      `/api/stories/${SLUG}/entries`,
      { body: [{ type: "paragraph", text: "Crews are on the quay." }] },
      noor,
    );
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: number };
    await call(
      "POST",
      `/api/stories/${SLUG}/entries`,
      { body: [{ type: "paragraph", text: "The fire is out." }] },
      tomas,
    );
    expect(
      (
        await call(
          "PUT",
          `/api/stories/${SLUG}/entries/${id}`,
          { body: [{ type: "paragraph", text: "Four crews are on the quay." }] },
          tomas,
        )
      ).status,
    ).toBe(200);

    // Staff: who wrote each revision, who added the correction, who wrote each entry last.
    const revisions = (await (
      await call("GET", `/api/stories/${SLUG}/revisions`, undefined, noor)
    ).json()) as RevisionPage;
    expect(revisions.items.map((item) => [item.revision, item.author?.name])).toEqual([
      [2, "Tomas Lindqvist"],
      [1, "Noor Haddad"],
    ]);
    const correctionsAnswer = await call("GET", `/api/newsroom/stories/${SLUG}/corrections`, undefined, noor);
    expect(correctionsAnswer.headers.get("cache-control")).toBe("private, no-store");
    const { items: corrections } = (await correctionsAnswer.json()) as { items: AuthoredCorrection[] };
    expect(corrections).toEqual([
      {
        date: correction.date,
        text: correction.text,
        addedIn: {
          revision: 2,
          savedAt: expect.any(String),
          author: { id: expect.any(String), name: "Tomas Lindqvist" },
        },
      },
    ]);
    const entriesAnswer = await call("GET", `/api/newsroom/stories/${SLUG}/entries`, undefined, noor);
    expect(entriesAnswer.headers.get("cache-control")).toBe("private, no-store");
    const entries = (await entriesAnswer.json()) as LiveEntryPage;
    expect(
      entries.items.map((entry) => [entry.body[0]?.type === "paragraph" && entry.body[0].text, entry.author?.name]),
    ).toEqual([
      ["The fire is out.", "Tomas Lindqvist"],
      ["Four crews are on the quay.", "Tomas Lindqvist"],
    ]);

    // Readers: the staff reads are closed to them; what they can read names no one but the byline.
    for (const path of [
      `/api/newsroom/stories/${SLUG}/corrections`,
      `/api/newsroom/stories/${SLUG}/entries`,
      `/api/stories/${SLUG}/revisions`,
    ])
      expect((await call("GET", path)).status, path).toBe(401);
    const readersSee = [
      `/stories/${SLUG}`,
      `/stories/${SLUG}?before=${id}`,
      `/api/stories/${SLUG}`,
      `/api/stories/${SLUG}/entries`,
      `/stories/${SLUG}/feed.xml`,
      "/feed.xml",
      "/sections/city/feed.xml",
      "/api/stories",
    ];
    for (const path of readersSee) {
      const answer = await call("GET", path);
      expect(answer.status, path).toBe(200);
      const text = await answer.text();
      // The story is there, with its byline: what is missing is missing because it is never sent.
      expect(text, path).toContain(path.includes("entries") ? "Four crews are on the quay." : "Fire on the fish quay");
      for (const staff of [noor, tomas]) {
        expect(text, path).not.toContain(staff.name);
        expect(text, path).not.toContain(staff.email);
      }
      expect(text, path).not.toMatch(/"author":\{"id"/);
    }
  });

  it("answers 404 for a story that is not there, and 400 for a bad page", async () => {
    const noor = { cookie: (await editor("Noor Second")).cookie };
    expect((await call("GET", "/api/newsroom/stories/no-such-story/corrections", undefined, noor)).status).toBe(404);
    expect((await call("GET", "/api/newsroom/stories/no-such-story/entries", undefined, noor)).status).toBe(404);
    const bad = await call("GET", `/api/newsroom/stories/${SLUG}/entries?before=banana`, undefined, noor);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("before");
  });
});
