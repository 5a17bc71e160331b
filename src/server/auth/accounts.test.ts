// People and roles over HTTP, on the real server and store of each engine (docs/decisions/035):
// invitations (from the command and the API), password sign-in, the session cookie and its life
// (rotation, idle and absolute ends, sign-out, an admin's revocation), cross-site writes refused,
// sign-in throttled per account and per client, API keys kept hashed and revocable, what each
// role may do, and every write naming who made it. The attacks are tried, not only the way in.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../store/openStore";
import { testEngines } from "../../store/testDatabases";
import { storyDraft } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";
import { runAccount } from "./accountCli";
import { secretMatches } from "./secrets";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const SITE = "https://news.example";
const PASSWORD = "correct horse battery staple";
const IDLE_MS = 30 * 60_000;
const MAX_MS = 2 * 60 * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  let clock = new Date("2026-12-07T09:00:00.000Z");
  let client = 0;
  beforeAll(async () => {
    server = await startTestServer({
      adminToken: TOKEN,
      engine,
      publicUrl: SITE,
      trustProxy: true,
      now: () => clock,
      sessions: { idleMs: IDLE_MS, maxMs: MAX_MS },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Each test's requests come from a client of its own (X-Forwarded-For), so limits stay apart. */
  const newClient = () => `203.0.113.${++client}`;
  let from = newClient();

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
        "x-forwarded-for": from,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** What a page of the site itself sends with a write. */
  const sameOrigin = { origin: SITE, "sec-fetch-site": "same-origin" };
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
  /** The session cookie a response set, as a browser sends it back. */
  const cookieOf = (response: Response) => {
    const set = response.headers.getSetCookie().find((line) => line.startsWith("__Host-dispatch_session="));
    if (!set) throw new Error(`no session cookie in ${response.status}`);
    return set.split(";")[0] as string;
  };

  /** An account of `role` made by the admin token, its invitation accepted: its session cookie and id. */
  async function person(role: string, email = `${role}-${Math.random().toString(36).slice(2)}@news.example`) {
    const made = await call("POST", "/api/accounts", { email, role }, { token: TOKEN });
    expect(made.status).toBe(201);
    const { account, invitation } = (await made.json()) as { account: { id: string }; invitation: { url: string } };
    expect(invitation.url.startsWith(`${SITE}/invitations/`)).toBe(true);
    const token = invitation.url.split("/").at(-1);
    const accepted = await call("POST", `/api/invitations/${token}`, { password: PASSWORD }, { headers: sameOrigin });
    expect(accepted.status).toBe(200);
    return { id: account.id, email, cookie: cookieOf(accepted) };
  }
  const signIn = (email: string, password: string, headers: Record<string, string> = sameOrigin, cookie?: string) =>
    call("POST", "/api/session", { email, password }, { headers, ...(cookie ? { cookie } : {}) });
  const whoAmI = (cookie: string) => call("GET", "/api/session", undefined, { cookie });

  const entry = { body: [{ type: "paragraph", text: "Crews are on the quay." }] };
  const correction = {
    type: "correction",
    date: "2026-11-24T07:00:00.000Z",
    text: "An earlier version named the wrong quay.",
  };

  describe("invitations", () => {
    it("npm run account -- add makes an account and a link that works once, and sets a password through it", async () => {
      const run = await runAccount(
        ["add", "--email", "Chief@News.example", "--role", "admin", "--name", "Ines Chief"],
        { DATABASE_URL: server.databaseUrl, PUBLIC_URL: SITE },
        clock,
      );
      expect(run.exitCode).toBe(0);
      const link = /https:\/\/news\.example\/invitations\/([A-Za-z0-9_-]{43})/.exec(run.output);
      expect(link).not.toBeNull();
      const token = link?.[1] as string;

      const shown = await call("GET", `/api/invitations/${token}`);
      expect(await shown.json()).toEqual({ email: "chief@news.example", name: "Ines Chief", role: "admin" });
      // Too short a password is refused, and leaves the invitation unused.
      const short = await call(
        "POST",
        `/api/invitations/${token}`,
        { password: "eleven char" },
        { headers: sameOrigin },
      );
      expect(short.status).toBe(400);
      expect(await errorOf(short)).toBe("invalid_account");
      const accepted = await call("POST", `/api/invitations/${token}`, { password: PASSWORD }, { headers: sameOrigin });
      expect(accepted.status).toBe(200);
      expect((await whoAmI(cookieOf(accepted))).status).toBe(200);
      // Used once: never again, even with another password.
      const again = await call(
        "POST",
        `/api/invitations/${token}`,
        { password: "a different passphrase" },
        { headers: sameOrigin },
      );
      expect(again.status).toBe(400);
      expect(await errorOf(again)).toBe("invitation_invalid");
      expect((await signIn("chief@news.example", PASSWORD)).status).toBe(200);
      // The store keeps the token only hashed.
      const db = connect(server.databaseUrl);
      try {
        const rows = await db.selectFrom("invitations").select("token_hash").execute();
        expect(rows.map((row) => row.token_hash)).toContain(sha256(token));
        expect(rows.map((row) => row.token_hash)).not.toContain(token);
      } finally {
        await db.destroy();
      }
    });

    it("npm run account -- refuses a role it does not know, and invite makes a new link for an account", async () => {
      const env = { DATABASE_URL: server.databaseUrl, PUBLIC_URL: SITE };
      const wrong = await runAccount(["add", "--email", "who@news.example", "--role", "owner"], env, clock);
      expect(wrong.exitCode).toBe(2);
      expect(wrong.output).toContain("contributor, author, editor, admin");
      expect((await runAccount(["invite", "--email", "nobody@news.example"], env, clock)).exitCode).toBe(1);
      const { email } = await person("author");
      const again = await runAccount(["invite", "--email", email], env, clock);
      expect(again.exitCode).toBe(0);
      const token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(again.output)?.[1];
      const newPassword = "a brand new passphrase";
      const accepted = await call(
        "POST",
        `/api/invitations/${token}`,
        { password: newPassword },
        { headers: sameOrigin },
      );
      expect(accepted.status).toBe(200);
      expect((await signIn(email, PASSWORD)).status).toBe(401);
      expect((await signIn(email, newPassword)).status).toBe(200);
    });

    it("refuses an invitation past its expiry, and one that never was", async () => {
      const made = await call(
        "POST",
        "/api/accounts",
        { email: "late@news.example", role: "author" },
        { token: TOKEN },
      );
      const { invitation } = (await made.json()) as { invitation: { url: string; expiresAt: string } };
      const token = invitation.url.split("/").at(-1);
      const saved = clock;
      clock = new Date(Date.parse(invitation.expiresAt) + 1);
      try {
        const late = await call("POST", `/api/invitations/${token}`, { password: PASSWORD }, { headers: sameOrigin });
        expect(late.status).toBe(400);
        expect(await errorOf(late)).toBe("invitation_invalid");
      } finally {
        clock = saved;
      }
      expect((await call("GET", `/api/invitations/${"x".repeat(43)}`)).status).toBe(400);
    });

    it("lets only an admin invite", async () => {
      const editor = await person("editor");
      const response = await call(
        "POST",
        "/api/accounts",
        { email: "x@news.example", role: "admin" },
        { cookie: editor.cookie, headers: sameOrigin },
      );
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toBe("forbidden");
    });
  });

  describe("sign-in and the session", () => {
    it("sets an HttpOnly, Secure, SameSite=Lax, host-only cookie, and keeps only the id's hash", async () => {
      const { email } = await person("author");
      const response = await signIn(email, PASSWORD);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const line = response.headers.getSetCookie().find((set) => set.startsWith("__Host-dispatch_session=")) ?? "";
      const attributes = line.split(";").map((part) => part.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
      expect(attributes.some((part) => part.startsWith("domain="))).toBe(false);
      const id = cookieOf(response).split("=")[1] as string;
      const db = connect(server.databaseUrl);
      try {
        const hashes = (await db.selectFrom("sessions").select("id_hash").execute()).map((row) => row.id_hash);
        expect(hashes).toContain(sha256(id));
        expect(hashes).not.toContain(id);
      } finally {
        await db.destroy();
      }
    });

    it("answers a wrong password and an unknown email alike", async () => {
      from = newClient();
      const { email } = await person("author");
      const wrong = await signIn(email, "not the password at all");
      const unknown = await signIn("nobody@news.example", PASSWORD);
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(await wrong.json()).toEqual(await unknown.json());
      expect(wrong.headers.getSetCookie()).toEqual([]);
    });

    it("takes as long for an unknown email as for a wrong password: both verify an argon2id hash", async () => {
      from = newClient();
      const { email } = await person("author");
      const time = async (who: string) => {
        const start = performance.now();
        await signIn(who, "not the password at all");
        return performance.now() - start;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        known.push(await time(email));
        unknown.push(await time(`nobody-${i}@news.example`));
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[1] as number;
      // Without the stand-in hash an unknown email answers in well under a millisecond, against
      // tens of milliseconds for a hash; under load the two differ, but not by that.
      expect(median(unknown)).toBeGreaterThan(median(known) / 4);
      // Secrets are compared in constant time, by hash, and of unequal lengths without throwing.
      expect(secretMatches("a", sha256("a"))).toBe(true);
      expect(secretMatches("a", "short")).toBe(false);
    });

    it("rotates the session at sign-in: the id a browser had before no longer works", async () => {
      from = newClient();
      const { email, cookie: before } = await person("editor");
      expect((await whoAmI(before)).status).toBe(200);
      const after = await signIn(email, PASSWORD, sameOrigin, before);
      expect(after.status).toBe(200);
      const now = cookieOf(after);
      expect(now).not.toBe(before);
      expect((await whoAmI(before)).status).toBe(401);
      expect((await whoAmI(now)).status).toBe(200);
    });

    it("ends a session idle too long, and any session at its absolute end", async () => {
      const { cookie } = await person("editor");
      const start = clock;
      try {
        clock = new Date(start.getTime() + IDLE_MS - 60_000);
        expect((await whoAmI(cookie)).status).toBe(200);
        clock = new Date(clock.getTime() + IDLE_MS + 1);
        const idle = await whoAmI(cookie);
        expect(idle.status).toBe(401);

        clock = start;
        const { cookie: busy } = await person("editor");
        // Used every 20 minutes it never idles, but it still ends MAX_MS after sign-in.
        for (let at = 20 * 60_000; at < MAX_MS; at += 20 * 60_000) {
          clock = new Date(start.getTime() + at);
          expect((await whoAmI(busy)).status).toBe(200);
        }
        clock = new Date(start.getTime() + MAX_MS);
        expect((await whoAmI(busy)).status).toBe(401);
      } finally {
        clock = start;
      }
    });

    it("ends on sign-out, and when an admin ends an account's sessions", async () => {
      const { cookie } = await person("author");
      const out = await call("DELETE", "/api/session", undefined, { cookie, headers: sameOrigin });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().join()).toMatch(/__Host-dispatch_session=;/);
      expect((await whoAmI(cookie)).status).toBe(401);

      const other = await person("author");
      const ended = await call("DELETE", `/api/accounts/${other.id}/sessions`, undefined, { token: TOKEN });
      expect(await ended.json()).toEqual({ ended: 1 });
      expect((await whoAmI(other.cookie)).status).toBe(401);
    });
  });

  describe("cross-site requests", () => {
    it("refuses a signed-in write another site sends, and takes the site's own", async () => {
      const { cookie } = await person("editor");
      const put = (headers: Record<string, string>) =>
        call("PUT", "/api/stories/csrf-check", storyDraft({ headline: "Ferry times" }), { cookie, headers });
      for (const headers of <Record<string, string>[]>[
        { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
        { "sec-fetch-site": "same-site", origin: "https://blog.news.example" },
        { origin: "https://evil.example" },
        { origin: "null" },
        {},
      ]) {
        const response = await put(headers);
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(await errorOf(response)).toBe("cross_site_request");
      }
      expect((await call("GET", "/api/stories/csrf-check")).status).toBe(404);
      expect((await put({ "sec-fetch-site": "same-origin" })).status).toBe(201);
      expect((await put({ origin: SITE })).status).toBe(200);
    });

    it("takes a write with neither header when it carries the session's CSRF token", async () => {
      const { email } = await person("editor");
      const response = await signIn(email, PASSWORD);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const cookie = cookieOf(response);
      const body = storyDraft({ headline: "Token check" });
      const wrong = await call("PUT", "/api/stories/token-check", body, {
        cookie,
        headers: { "x-csrf-token": "x".repeat(43) },
      });
      expect(wrong.status).toBe(403);
      const right = await call("PUT", "/api/stories/token-check", body, {
        cookie,
        headers: { "x-csrf-token": csrfToken },
      });
      expect(right.status).toBe(201);
    });

    it("refuses a sign-in another site sends", async () => {
      const { email } = await person("author");
      const response = await signIn(email, PASSWORD, {
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it("asks no CSRF check of bearer requests, which a browser never sends by itself", async () => {
      const response = await call("PUT", "/api/stories/bearer-check", storyDraft({ headline: "Bearer check" }), {
        token: TOKEN,
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(response.status).toBe(201);
    });
  });

  describe("throttling", () => {
    it("stops sign-ins to one account after 5 failures, whichever client tries, even with the right password", async () => {
      from = newClient();
      const { email } = await person("author");
      for (let i = 0; i < 5; i++) {
        from = newClient();
        expect((await signIn(email, `wrong password ${i}`)).status).toBe(401);
      }
      from = newClient();
      const locked = await signIn(email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(locked.headers.getSetCookie()).toEqual([]);
      // The window ends, and the right password works again.
      const saved = clock;
      clock = new Date(clock.getTime() + 15 * 60_000);
      try {
        expect((await signIn(email, PASSWORD)).status).toBe(200);
      } finally {
        clock = saved;
      }
    });

    it("stops a client after 10 failed sign-ins, whatever accounts it tries", async () => {
      from = newClient();
      for (let i = 0; i < 10; i++) expect((await signIn(`guess-${i}@news.example`, PASSWORD)).status).toBe(401);
      const limited = await signIn("guess-10@news.example", PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).not.toBeNull();
    });
  });

  describe("API keys", () => {
    it("shows a key once, keeps only its hash, limits it to its scopes, and refuses it once revoked", async () => {
      from = newClient();
      const editor = await person("editor");
      const made = await call(
        "POST",
        "/api/keys",
        { name: "wire feed", scopes: ["entries:write"] },
        { cookie: editor.cookie, headers: sameOrigin },
      );
      expect(made.status).toBe(201);
      const { id, key } = (await made.json()) as { id: string; key: string };
      expect(key).toMatch(/^dk_[A-Za-z0-9_-]{16}_[A-Za-z0-9_-]{43}$/);
      const secret = key.slice(-43);
      const db = connect(server.databaseUrl);
      try {
        const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
        expect(row.key_hash).toBe(sha256(secret));
        expect(JSON.stringify(row)).not.toContain(secret);
      } finally {
        await db.destroy();
      }
      const listed = await (await call("GET", "/api/keys", undefined, { cookie: editor.cookie })).text();
      expect(listed).toContain(id);
      expect(listed).not.toContain(secret);

      // Its scope is live entries: a story write is refused, whatever the account's role.
      const story = await call("PUT", "/api/stories/key-check", storyDraft({ live: true }), { token: key });
      expect(story.status).toBe(403);
      expect((await call("PUT", "/api/stories/key-check", storyDraft({ live: true }), { token: TOKEN })).status).toBe(
        201,
      );
      const entry = { body: [{ type: "paragraph", text: "The ferry has docked." }] };
      const posted = await call("POST", "/api/stories/key-check/entries", entry, { token: key });
      expect(posted.status).toBe(201);

      expect(
        (await call("DELETE", `/api/keys/${id}`, undefined, { cookie: editor.cookie, headers: sameOrigin })).status,
      ).toBe(204);
      const revoked = await call("POST", "/api/stories/key-check/entries", entry, { token: key });
      expect(revoked.status).toBe(401);
      // A key that is guessed, not given, is refused too.
      const guessed = await call("POST", "/api/stories/key-check/entries", entry, {
        token: `dk_${id}_${"A".repeat(43)}`,
      });
      expect(guessed.status).toBe(401);
    });
  });

  describe("roles", () => {
    it("lets a contributor file drafts of their own, and refuses their publish with a message that says why", async () => {
      from = newClient();
      const { cookie } = await person("contributor");
      const as = { cookie, headers: sameOrigin };
      const response = await call("PUT", "/api/stories/filed-draft", storyDraft(), as);
      expect(response.status).toBe(403);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/contributor writes drafts, and may not make a story published/);
      expect((await call("GET", "/api/stories/filed-draft")).status).toBe(404);
      // A draft is theirs to file and to edit again; readers never see it.
      const draft = { ...storyDraft(), status: "draft" };
      expect((await call("PUT", "/api/stories/filed-draft", draft, as)).status).toBe(201);
      expect(
        (await call("PUT", "/api/stories/filed-draft", { ...draft, deck: "Filed, then tidied." }, as)).status,
      ).toBe(200);
      expect((await call("GET", "/api/stories/filed-draft")).status).toBe(404);
      const scheduled = { ...draft, status: "scheduled", publishAt: "2099-01-01T06:00:00.000Z" };
      expect((await call("PUT", "/api/stories/filed-draft", scheduled, as)).status).toBe(403);
      // Nobody else's story, published or held, becomes their draft.
      const other = await person("contributor");
      const theirs = { cookie: other.cookie, headers: sameOrigin };
      expect((await call("PUT", "/api/stories/filed-draft", draft, theirs)).status).toBe(403);
      const editor = await person("editor");
      const byEditor = { cookie: editor.cookie, headers: sameOrigin };
      expect((await call("PUT", "/api/stories/editors-story", storyDraft(), byEditor)).status).toBe(201);
      expect((await call("PUT", "/api/stories/editors-story", draft, as)).status).toBe(403);
      expect((await call("GET", "/api/stories/editors-story")).status).toBe(200);
    });

    it("lets an author publish and edit their own stories only, without corrections, deletes or entries", async () => {
      const author = await person("author");
      const as = { cookie: author.cookie, headers: sameOrigin };
      expect((await call("PUT", "/api/stories/authors-own", storyDraft({ live: true }), as)).status).toBe(201);
      const edited = storyDraft({ live: true, headline: "Night buses return, with more stops" });
      expect((await call("PUT", "/api/stories/authors-own", edited, as)).status).toBe(200);
      expect((await call("PUT", "/api/stories/token-story", storyDraft(), { token: TOKEN })).status).toBe(201);
      const others = await call("PUT", "/api/stories/token-story", storyDraft({ headline: "Mine now" }), as);
      expect(others.status).toBe(403);
      const corrected = storyDraft({
        live: true,
        updatedAt: "2026-11-24T07:00:00.000Z",
        body: [...storyDraft().body, correction],
      });
      expect((await call("PUT", "/api/stories/authors-own", corrected, as)).status).toBe(403);
      expect((await call("DELETE", "/api/stories/authors-own", undefined, as)).status).toBe(403);
      expect((await call("POST", "/api/stories/authors-own/entries", entry, as)).status).toBe(403);
      expect((await call("PUT", "/api/tags/transport", { name: "Buses" }, as)).status).toBe(403);
      expect((await call("GET", "/api/accounts", undefined, as)).status).toBe(403);
    });

    it("lets an editor write any story, corrections, entries and pins, but not accounts", async () => {
      const author = await person("author");
      const editor = await person("editor");
      const asAuthor = { cookie: author.cookie, headers: sameOrigin };
      const asEditor = { cookie: editor.cookie, headers: sameOrigin };
      expect((await call("PUT", "/api/stories/edited", storyDraft({ live: true }), asAuthor)).status).toBe(201);
      const corrected = storyDraft({
        live: true,
        updatedAt: "2026-11-24T07:00:00.000Z",
        body: [...storyDraft().body, correction],
      });
      expect((await call("PUT", "/api/stories/edited", corrected, asEditor)).status).toBe(200);
      const pinned = await call("POST", "/api/stories/edited/entries", { ...entry, pinned: true }, asEditor);
      expect(pinned.status).toBe(201);
      expect((await call("GET", "/api/accounts", undefined, asEditor)).status).toBe(403);
      expect((await call("DELETE", "/api/stories/edited", undefined, asEditor)).status).toBe(204);
    });

    it("lets an admin change a role, which holds from the next request", async () => {
      const promoted = await person("contributor");
      const admin = await person("admin");
      const change = await call(
        "PUT",
        `/api/accounts/${promoted.id}`,
        { role: "editor" },
        { cookie: admin.cookie, headers: sameOrigin },
      );
      expect(change.status).toBe(200);
      const response = await call("PUT", "/api/stories/promoted", storyDraft(), {
        cookie: promoted.cookie,
        headers: sameOrigin,
      });
      expect(response.status).toBe(201);
    });
  });

  describe("who wrote what", () => {
    it("names the author of each revision and entry to staff, and never to readers", async () => {
      const author = await person("author", "ana@news.example");
      const editor = await person("editor", "ed@news.example");
      await call("PUT", `/api/accounts/${author.id}`, { name: "Ana Ferreira" }, { token: TOKEN });
      await call("PUT", `/api/accounts/${editor.id}`, { name: "Ed Desk" }, { token: TOKEN });
      const asAuthor = { cookie: author.cookie, headers: sameOrigin };
      const asEditor = { cookie: editor.cookie, headers: sameOrigin };
      expect((await call("PUT", "/api/stories/who-wrote", storyDraft({ live: true }), asAuthor)).status).toBe(201);
      const corrected = storyDraft({
        live: true,
        updatedAt: "2026-11-24T07:00:00.000Z",
        body: [...storyDraft().body, correction],
      });
      expect((await call("PUT", "/api/stories/who-wrote", corrected, asEditor)).status).toBe(200);
      const third = storyDraft({ live: true, updatedAt: "2026-11-24T08:00:00.000Z", body: corrected.body });
      expect((await call("PUT", "/api/stories/who-wrote", third, { token: TOKEN })).status).toBe(200);

      const revisions = await call("GET", "/api/stories/who-wrote/revisions", undefined, { cookie: editor.cookie });
      const { items } = (await revisions.json()) as { items: { revision: number; author?: unknown }[] };
      expect(items.map((item) => item.author)).toEqual([
        { id: "token", name: "token" },
        { id: editor.id, name: "Ed Desk" },
        { id: author.id, name: "Ana Ferreira" },
      ]);
      // Revisions are staff's: a reader gets 401.
      expect((await call("GET", "/api/stories/who-wrote/revisions")).status).toBe(401);

      const posted = await call("POST", "/api/stories/who-wrote/entries", entry, asEditor);
      expect(((await posted.json()) as { author: unknown }).author).toEqual({ id: editor.id, name: "Ed Desk" });
      for (const path of ["/api/stories/who-wrote/entries", "/api/stories/who-wrote", "/stories/who-wrote"]) {
        const text = await (await call("GET", path)).text();
        expect(text, path).not.toContain(editor.id);
        expect(text, path).not.toContain("Ed Desk");
      }
    });
  });
});
