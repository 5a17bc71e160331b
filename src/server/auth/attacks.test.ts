// The attacks accounts.test.ts leaves out (issue 21's audit, OWASP ASVS level 1), on the real server
// and store of each engine: a cross-site request against EVERY write a session cookie may make,
// multipart uploads and sign-out included, refused and writing nothing; a contributor trying each
// write above its role; an author publishing someone else's draft; a key bound by its account's
// role whatever its scopes, and a read-only key refused every write; two racing uses of one
// invitation; a planted session id never adopted; a password's length counted in characters; and
// a deleted account's session and key refused on the next request.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { storyDraft } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const SITE = "https://news.example";
const PASSWORD = "correct horse battery staple";
/** What a page of the site itself sends with a write. */
const sameOrigin = { origin: SITE, "sec-fetch-site": "same-origin" };
/** What a form or fetch on another site sends, by a browser with and without Sec-Fetch-Site. */
const crossSite: Record<string, string>[] = [
  { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  { origin: "https://evil.example" },
];

describe.each(testEngines)("attacks on %s", (engine) => {
  let server: TestServer;
  let client = 0;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine, publicUrl: SITE, trustProxy: true });
  });
  afterAll(async () => {
    await server.close();
  });

  interface Options {
    token?: string;
    cookie?: string;
    headers?: Record<string, string>;
  }
  const call = (method: string, path: string, body?: unknown, { token, cookie, headers = {} }: Options = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      redirect: "manual",
      headers: {
        // Each request from a client of its own, so no per-client limit is what refuses it.
        "x-forwarded-for": `198.51.100.${(++client % 250) + 1}`,
        ...(body === undefined || body instanceof FormData ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
  const cookieOf = (response: Response) => {
    const set = response.headers.getSetCookie().find((line) => line.startsWith("__Host-dispatch_session="));
    if (!set) throw new Error(`no session cookie in ${response.status}`);
    return set.split(";")[0] as string;
  };
  /** An account of `role`, its invitation accepted: its id and session cookie. */
  async function person(role: string) {
    const email = `${role}-${Math.random().toString(36).slice(2)}@news.example`;
    const made = await call("POST", "/api/accounts", { email, role }, { token: TOKEN });
    const { account, invitation } = (await made.json()) as { account: { id: string }; invitation: { url: string } };
    const token = invitation.url.split("/").at(-1);
    const accepted = await call("POST", `/api/invitations/${token}`, { password: PASSWORD }, { headers: sameOrigin });
    expect(accepted.status).toBe(200);
    return { id: account.id, email, cookie: cookieOf(accepted) };
  }
  const whoAmI = (cookie: string) => call("GET", "/api/session", undefined, { cookie });
  const picture = () =>
    sharp({ create: { width: 32, height: 24, channels: 3, background: "#3a6" } })
      .jpeg()
      .toBuffer();
  const form = async () => {
    const body = new FormData();
    body.append("alt", "A green square");
    body.append("file", new File([new Uint8Array(await picture())], "square.jpg", { type: "image/jpeg" }));
    return body;
  };
  const entry = { body: [{ type: "paragraph", text: "The ferry has docked." }] };

  it("refuses every write a session cookie makes from another site (403), multipart uploads and sign-out included, and writes nothing", async () => {
    const admin = await person("admin");
    const target = await person("author");
    expect((await call("PUT", "/api/stories/held-target", storyDraft({ live: true }), { token: TOKEN })).status).toBe(
      201,
    );
    const posted = await call("POST", "/api/stories/held-target/entries", entry, { token: TOKEN });
    const { id: entryId } = (await posted.json()) as { id: string };

    const writes: [string, string, () => unknown][] = [
      ["PUT", "/api/stories/forged-story", () => storyDraft({ headline: "Forged" })],
      ["DELETE", "/api/stories/held-target", () => undefined],
      ["POST", "/api/stories/held-target/preview", () => ({})],
      ["POST", "/api/stories/held-target/entries", () => entry],
      ["PUT", `/api/stories/held-target/entries/${entryId}`, () => entry],
      ["DELETE", `/api/stories/held-target/entries/${entryId}`, () => undefined],
      ["PUT", "/api/authors/ana-ferreira", () => ({ name: "Forged Name" })],
      ["PUT", "/api/tags/transport", () => ({ name: "Forged" })],
      ["POST", "/api/media", form],
      ["POST", "/api/accounts", () => ({ email: "forged@evil.example", role: "admin" })],
      ["PUT", `/api/accounts/${target.id}`, () => ({ role: "admin" })],
      ["DELETE", `/api/accounts/${target.id}`, () => undefined],
      ["POST", `/api/accounts/${target.id}/invitations`, () => ({})],
      ["DELETE", `/api/accounts/${target.id}/sessions`, () => undefined],
      ["POST", "/api/keys", () => ({ name: "forged", scopes: ["accounts"] })],
      ["DELETE", "/api/keys/AAAAAAAAAAAAAAAA", () => undefined],
      ["POST", "/api/passkeys/options", () => ({})],
      ["POST", "/api/passkeys", () => ({})],
      ["DELETE", "/api/passkeys/AAAAAAAAAAAAAAAA", () => undefined],
      ["DELETE", "/api/session", () => undefined],
    ];
    for (const [method, path, body] of writes)
      for (const headers of crossSite) {
        const response = await call(method, path, await body(), { cookie: admin.cookie, headers });
        const what = `${method} ${path} ${JSON.stringify(headers)}`;
        expect(response.status, what).toBe(403);
        expect(await errorOf(response), what).toBe("cross_site_request");
      }

    // Nothing was written: no story made or deleted, no entry gone, no name changed, no account
    // touched, and both sessions still work.
    expect((await call("GET", "/api/stories/forged-story")).status).toBe(404);
    const story = await call("GET", "/api/stories/held-target");
    expect(story.status).toBe(200);
    expect(await story.text()).not.toContain("Forged");
    expect(await (await call("GET", "/api/stories/held-target/entries")).text()).toContain(entryId);
    expect((await whoAmI(admin.cookie)).status).toBe(200);
    const stillAuthor = (await (await whoAmI(target.cookie)).json()) as { role: string };
    expect(stillAuthor.role).toBe("author");
    const accounts = await (await call("GET", "/api/accounts", undefined, { token: TOKEN })).text();
    expect(accounts).not.toContain("forged@evil.example");
    expect(await (await call("GET", "/api/keys", undefined, { cookie: admin.cookie })).text()).not.toContain("forged");

    // The control: the same upload from the site's own page is taken.
    const own = await call("POST", "/api/media", await form(), { cookie: admin.cookie, headers: sameOrigin });
    expect(own.status).toBe(201);
  });

  it("refuses a contributor each write above its role, saying why, and leaves the story as it was", async () => {
    const contributor = await person("contributor");
    const as = { cookie: contributor.cookie, headers: sameOrigin };
    const draft = { ...storyDraft({ live: true }), status: "draft" };
    expect((await call("PUT", "/api/stories/contributors-draft", draft, as)).status).toBe(201);
    const attempts: [string, string, unknown][] = [
      ["PUT", "/api/stories/contributors-draft", { ...draft, status: "published" }],
      ["PUT", "/api/stories/contributors-draft", { ...draft, status: "unpublished" }],
      ["PUT", "/api/stories/contributors-draft", { ...draft, status: "scheduled", publishAt: "2099-01-01T06:00:00Z" }],
      ["DELETE", "/api/stories/contributors-draft", undefined],
      ["POST", "/api/stories/contributors-draft/entries", entry],
      ["PUT", "/api/tags/transport", { name: "Buses" }],
      ["POST", "/api/accounts", { email: "friend@news.example", role: "editor" }],
      ["PUT", `/api/accounts/${contributor.id}`, { role: "admin" }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(method, path, body, as);
      const what = `${method} ${path} ${JSON.stringify(body)}`;
      expect(response.status, what).toBe(403);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code, what).toBe("forbidden");
      expect(error.message.length, what).toBeGreaterThan(20);
    }
    expect((await call("GET", "/api/stories/contributors-draft")).status).toBe(404);
    const held = await call("GET", "/api/newsroom/stories/contributors-draft", undefined, { token: TOKEN });
    expect(held.status).toBe(200);
    expect(((await held.json()) as { status: string }).status).toBe("draft");
    expect(((await (await whoAmI(contributor.cookie)).json()) as { role: string }).role).toBe("contributor");
  });

  it("refuses an author publishing or unpublishing a story they did not create", async () => {
    const contributor = await person("contributor");
    const author = await person("author");
    const asAuthor = { cookie: author.cookie, headers: sameOrigin };
    const draft = { ...storyDraft(), status: "draft" };
    const filed = await call("PUT", "/api/stories/someone-elses-draft", draft, {
      cookie: contributor.cookie,
      headers: sameOrigin,
    });
    expect(filed.status).toBe(201);
    const publish = await call("PUT", "/api/stories/someone-elses-draft", { ...draft, status: "published" }, asAuthor);
    expect(publish.status).toBe(403);
    expect(await publish.text()).toMatch(/someone else's/);
    expect((await call("GET", "/stories/someone-elses-draft")).status).toBe(404);

    expect((await call("PUT", "/api/stories/editors-published", storyDraft(), { token: TOKEN })).status).toBe(201);
    const unpublish = await call(
      "PUT",
      "/api/stories/editors-published",
      { ...storyDraft(), status: "unpublished" },
      asAuthor,
    );
    expect(unpublish.status).toBe(403);
    expect((await call("GET", "/stories/editors-published")).status).toBe(200);
  });

  it("holds an API key to its account's role whatever scopes it names", async () => {
    const contributor = await person("contributor");
    const made = await call(
      "POST",
      "/api/keys",
      { name: "my script", scopes: ["stories:write", "entries:write", "accounts"] },
      { cookie: contributor.cookie, headers: sameOrigin },
    );
    expect(made.status).toBe(201);
    const { key } = (await made.json()) as { key: string };
    expect(
      (await call("PUT", "/api/stories/keyed-draft", { ...storyDraft(), status: "draft" }, { token: key })).status,
    ).toBe(201);
    const publish = await call("PUT", "/api/stories/keyed-draft", storyDraft(), { token: key });
    expect(publish.status).toBe(403);
    expect(
      (await call("POST", "/api/accounts", { email: "x@news.example", role: "admin" }, { token: key })).status,
    ).toBe(403);
    expect((await call("GET", "/stories/keyed-draft")).status).toBe(404);
  });

  it("counts a password's characters as a person does: six two-unit emoji are 6, not 12 (400)", async () => {
    const made = await call("POST", "/api/accounts", { email: "keys@news.example", role: "author" }, { token: TOKEN });
    const { invitation } = (await made.json()) as { invitation: { url: string } };
    const path = `/api/invitations/${invitation.url.split("/").at(-1)}`;
    for (const password of ["🔑".repeat(6), "eleven char"]) {
      const short = await call("POST", path, { password }, { headers: sameOrigin });
      expect(short.status, password).toBe(400);
      expect(await short.text(), password).toContain("at least 12 characters");
    }
    expect((await call("POST", path, { password: "🔑".repeat(12) }, { headers: sameOrigin })).status).toBe(200);
    const signedIn = await call(
      "POST",
      "/api/session",
      { email: "keys@news.example", password: "🔑".repeat(12) },
      { headers: sameOrigin },
    );
    expect(signedIn.status).toBe(200);
  });

  it("refuses a read-only key every write, whatever its account may do", async () => {
    const editor = await person("editor");
    const made = await call(
      "POST",
      "/api/keys",
      { name: "dashboard", scopes: ["stories:read"] },
      { cookie: editor.cookie, headers: sameOrigin },
    );
    const { key } = (await made.json()) as { key: string };
    expect((await call("GET", "/api/newsroom/stories", undefined, { token: key })).status).toBe(200);
    expect(
      (await call("PUT", "/api/stories/read-only-target", storyDraft({ live: true }), { token: TOKEN })).status,
    ).toBe(201);
    const attempts: [string, string, () => unknown][] = [
      ["PUT", "/api/stories/read-only-target", () => storyDraft({ live: true, headline: "Rewritten by a reader key" })],
      ["DELETE", "/api/stories/read-only-target", () => undefined],
      ["POST", "/api/stories/read-only-target/entries", () => entry],
      ["POST", "/api/stories/read-only-target/preview", () => ({})],
      ["POST", "/api/media", form],
      ["POST", "/api/keys", () => ({ name: "wider", scopes: ["stories:write"] })],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(method, path, await body(), { token: key });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await response.text(), `${method} ${path}`).toMatch(/lacks the [a-z:]+ scope/);
    }
    const story = await (await call("GET", "/api/stories/read-only-target")).text();
    expect(story).not.toContain("Rewritten by a reader key");
  });

  it("never adopts a session id the browser brought to sign-in (fixation with an id of the attacker's)", async () => {
    const { email } = await person("editor");
    const planted = `__Host-dispatch_session=${"A".repeat(43)}`;
    const signedIn = await call(
      "POST",
      "/api/session",
      { email, password: PASSWORD },
      {
        cookie: planted,
        headers: sameOrigin,
      },
    );
    expect(signedIn.status).toBe(200);
    expect(cookieOf(signedIn)).not.toBe(planted);
    expect((await whoAmI(planted)).status).toBe(401);
    expect((await whoAmI(cookieOf(signedIn))).status).toBe(200);
  });

  it("lets only one of two racing uses of an invitation win", async () => {
    const made = await call("POST", "/api/accounts", { email: "race@news.example", role: "editor" }, { token: TOKEN });
    const { invitation } = (await made.json()) as { invitation: { url: string } };
    const path = `/api/invitations/${invitation.url.split("/").at(-1)}`;
    const passwords = ["the first passphrase", "the second passphrase"];
    const answers = await Promise.all(
      passwords.map((password) => call("POST", path, { password }, { headers: sameOrigin })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    const signIns = await Promise.all(
      passwords.map(
        async (password) =>
          (await call("POST", "/api/session", { email: "race@news.example", password }, { headers: sameOrigin }))
            .status,
      ),
    );
    expect(signIns).toEqual(answers.map((answer) => (answer.status === 200 ? 200 : 401)));
  });

  it("refuses a deleted account's session and API key on the next request", async () => {
    const editor = await person("editor");
    const made = await call(
      "POST",
      "/api/keys",
      { name: "wire", scopes: ["stories:write"] },
      { cookie: editor.cookie, headers: sameOrigin },
    );
    const { key } = (await made.json()) as { key: string };
    expect((await call("PUT", "/api/stories/before-leaving", storyDraft(), { token: key })).status).toBe(201);
    expect((await call("DELETE", `/api/accounts/${editor.id}`, undefined, { token: TOKEN })).status).toBe(204);
    expect((await whoAmI(editor.cookie)).status).toBe(401);
    const bySession = await call("PUT", "/api/stories/after-leaving", storyDraft(), {
      cookie: editor.cookie,
      headers: sameOrigin,
    });
    expect(bySession.status).toBe(401);
    const byKey = await call("PUT", "/api/stories/after-leaving", storyDraft(), { token: key });
    expect(byKey.status).toBe(401);
    expect((await call("GET", "/api/stories/after-leaving")).status).toBe(404);
  });
});
