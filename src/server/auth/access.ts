// Who is asking, and may they do this: the one question every route behind a lock asks, through
// `access.require(action)` (docs/decisions/035). A request proves who it is with
//   - `Authorization: Bearer $ADMIN_TOKEN`: the bootstrap and automation key, with admin rights;
//   - `Authorization: Bearer dk_…`: an account's API key, limited to its scopes and its account's role;
//   - the session cookie, for a signed-in browser. Only these requests can be forged by another
//     site, so their writes must come from the site itself: Sec-Fetch-Site same-origin (or none),
//     else an Origin of PUBLIC_URL, else (a client sending neither) the session's CSRF token in
//     `X-CSRF-Token`. Bearer requests carry nothing a browser adds by itself, and need no check.
// Wrong bearer tokens and keys count against the client (FAILED_AUTH_LIMIT, decision 014).

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Account, atLeast, type KeyScope, type Role, TOKEN_AUTHOR, type WriteAuthor } from "../../model/account";
import { ApiError } from "../../model/apiError";
import type { StoryStatus } from "../../model/storyStatus";
import { toAccount } from "../../store/accounts";
import type { StoryStore } from "../../store/storyStore";
import { clientLimit, type Limit } from "../http/rateLimits";
import { hashSecret, secretMatches } from "./secrets";
import { type SessionCookie, type SessionSettings, sessionCookie, sessionIdOf } from "./sessions";

export const FAILED_AUTH_LIMIT: Limit = {
  name: "failed-auth",
  max: 10,
  windowMs: 60_000,
  message: "Too many attempts with a wrong token from this client: wait for Retry-After seconds.",
};

/** Who a request acts as. */
export interface Actor {
  /** How it proved it: the admin token, an API key, or a session cookie. */
  via: "token" | "key" | "session";
  /** Its account; none for the admin token. */
  account: Account | null;
  role: Role;
  /** A key's scopes; every scope for the token and sessions. */
  scopes: readonly KeyScope[] | "all";
  /** How its writes are recorded. */
  author: WriteAuthor;
  /** The session's id hash, for signing out. */
  sessionHash?: string;
}

/** What a route may ask for: the least role and the key scope it takes. */
export const ACTIONS = {
  /** What only staff read: revisions, who wrote what. */
  "stories:read": { role: "contributor", scope: "stories:read" },
  /** Writing a story (who may publish which is the route's to check: mayWriteStory). */
  "stories:write": { role: "contributor", scope: "stories:write" },
  "stories:delete": { role: "editor", scope: "stories:write" },
  /** Renaming an author or tag across every story. */
  "names:rename": { role: "editor", scope: "stories:write" },
  /** Live entries, pins included. */
  "entries:write": { role: "editor", scope: "entries:write" },
  /** Accounts, invitations, anyone's keys and sessions. */
  "accounts:manage": { role: "admin", scope: "accounts" },
  /** One's own API keys. */
  "keys:own": { role: "contributor", scope: "accounts" },
} as const satisfies Record<string, { role: Role; scope: KeyScope }>;
export type Action = keyof typeof ACTIONS;

const actors = new WeakMap<FastifyRequest, Actor>();

/** The actor `access.require` let through (routes behind it only). */
export function actorOf(request: FastifyRequest): Actor {
  const actor = actors.get(request);
  if (!actor) throw new Error("actorOf: the route has no access.require preHandler");
  return actor;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a browser sent this request from another site: Sec-Fetch-Site when the browser sends it
 * (same-origin and none, a typed URL or bookmark, are the site's own), else Origin against the
 * site's. Null when the request carries neither (not a browser, or a very old one).
 */
export function fromAnotherSite(request: FastifyRequest, publicUrl: string): boolean | null {
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = request.headers.origin;
  if (typeof origin === "string") return origin !== new URL(publicUrl).origin;
  return null;
}

export interface AccessOptions {
  store: StoryStore;
  adminToken: string | undefined;
  publicUrl: string;
  sessions: SessionSettings;
  now: () => Date;
}

export type Access = ReturnType<typeof createAccess>;

export function createAccess(app: FastifyInstance, { store, adminToken, publicUrl, sessions, now }: AccessOptions) {
  const failures = clientLimit(app, FAILED_AUTH_LIMIT);
  const cookie: SessionCookie = sessionCookie(publicUrl);

  const refuse = async (request: FastifyRequest, reply: FastifyReply, message: string): Promise<never> => {
    await failures.hit(request, reply);
    reply.header("www-authenticate", 'Bearer realm="dispatch"');
    throw new ApiError("unauthorized", message);
  };

  async function bearer(request: FastifyRequest, reply: FastifyReply, token: string): Promise<Actor> {
    // An API key: dk_<id>_<secret>. Its id finds the row; its secret is compared by hash.
    const key = /^dk_([A-Za-z0-9_-]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
    if (key?.[1] && key[2]) {
      const found = await store.accounts.findKey(key[1]);
      if (found && secretMatches(key[2], found.keyHash)) {
        const account = toAccount(found.account);
        return {
          via: "key",
          account,
          role: account.role,
          scopes: found.key.scopes,
          author: { id: account.id, name: account.name },
        };
      }
      return refuse(request, reply, "This API key is not valid, or was revoked.");
    }
    if (!adminToken)
      throw new ApiError("publishing_disabled", "Publishing is off on this server: set ADMIN_TOKEN to turn it on.");
    // Hashed first, so the comparison is of equal lengths and in constant time.
    if (secretMatches(token, hashSecret(adminToken)))
      return { via: "token", account: null, role: "admin", scopes: "all", author: TOKEN_AUTHOR };
    return refuse(request, reply, "Send Authorization: Bearer <ADMIN_TOKEN> or an API key, or sign in.");
  }

  async function fromSession(request: FastifyRequest, reply: FastifyReply, id: string): Promise<Actor> {
    const found = await store.accounts.resumeSession(hashSecret(id), now(), sessions.idleMs);
    if (!found) {
      reply.clearCookie(cookie.name, { path: "/" });
      throw new ApiError("unauthorized", "Your session has ended: sign in again.");
    }
    if (!SAFE_METHODS.has(request.method)) {
      const crossSite = fromAnotherSite(request, publicUrl);
      const token = request.headers["x-csrf-token"];
      if (crossSite === true)
        throw new ApiError("cross_site_request", "A signed-in write must come from this site's own pages.");
      if (crossSite === null && !(typeof token === "string" && secretMatches(token, found.csrfHash)))
        throw new ApiError(
          "cross_site_request",
          "Send the X-CSRF-Token that sign-in gave, or the Origin header, with a signed-in write.",
        );
    }
    const account = toAccount(found.account);
    return {
      via: "session",
      account,
      role: account.role,
      scopes: "all",
      author: { id: account.id, name: account.name },
      sessionHash: found.idHash,
    };
  }

  /** Who the request is, or null when it shows no credentials at all. */
  async function identify(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      // The scheme is case-insensitive (RFC 9110): `bearer x` is as good as `Bearer x`.
      const match = /^Bearer +(\S+) *$/i.exec(authorization);
      if (!match?.[1]) return refuse(request, reply, "Send Authorization: Bearer <token>.");
      return bearer(request, reply, match[1]);
    }
    const id = sessionIdOf(request, cookie);
    return id ? fromSession(request, reply, id) : null;
  }

  /** Whether `actor` may take `action`: its role, and (for a key) its scopes. Throws 403 saying why. */
  function allow(actor: Actor, action: Action): void {
    const { role, scope } = ACTIONS[action];
    if (!atLeast(actor.role, role))
      throw new ApiError("forbidden", `This needs the ${role} role or above; ${describe(actor)} is ${actor.role}.`);
    if (actor.scopes !== "all" && !actor.scopes.includes(scope))
      throw new ApiError("forbidden", `This API key lacks the ${scope} scope.`);
  }

  return {
    cookie,
    sessions,
    /** A preHandler: lets through requests whose actor may take `action` (401, 403 or 429 otherwise). */
    require(action: Action) {
      return async (request: FastifyRequest, reply: FastifyReply) => {
        reply.header("cache-control", "no-store");
        // A client past its wrong-token limit is refused even with the right one, until its window ends.
        await failures.check(request, reply);
        const actor = await identify(request, reply);
        if (!actor) {
          if (!adminToken && !request.headers.cookie)
            throw new ApiError(
              "publishing_disabled",
              "Publishing is off on this server: set ADMIN_TOKEN, or sign in with an account.",
            );
          reply.header("www-authenticate", 'Bearer realm="dispatch"');
          throw new ApiError("unauthorized", "Sign in, or send Authorization: Bearer <ADMIN_TOKEN or API key>.");
        }
        allow(actor, action);
        actors.set(request, actor);
      };
    },
    /** The actor of a request that may or may not carry credentials (null without any); no role is checked. */
    identify,
  };
}

const describe = (actor: Actor): string =>
  actor.via === "key" ? "this key's account" : actor.via === "token" ? "the token" : "your account";

/**
 * Whether `actor` may write this story (a PUT) with this status: contributors write drafts of
 * stories readers have not seen, their own or new ones; authors publish, schedule and hold
 * stories they created and new ones; editors and admins any; a correction added to a story is an
 * editor's.
 */
export async function mayWriteStory(
  actor: Actor,
  status: StoryStatus,
  /** The story as it stands, read only when the role needs it (an editor's write reads nothing more). */
  storyNow: () => Promise<{ exists: boolean; published: boolean; owner: string | null; addsCorrection: boolean }>,
): Promise<void> {
  if (atLeast(actor.role, "editor")) return;
  if (actor.role === "contributor" && status !== "draft")
    throw new ApiError(
      "forbidden",
      `A contributor writes drafts, and may not make a story ${status}: ask an author or editor to.`,
    );
  const { exists, published, owner, addsCorrection } = await storyNow();
  if (exists && owner !== actor.account?.id)
    throw new ApiError(
      "forbidden",
      `${actor.role === "contributor" ? "A contributor" : "An author"} may write only the stories they created; this one is someone else's.`,
    );
  if (actor.role === "contributor" && published)
    throw new ApiError("forbidden", "A contributor may not take a published story back to a draft: ask an editor.");
  if (addsCorrection) throw new ApiError("forbidden", "Corrections are an editor's: ask an editor to add this one.");
}
