// Signed-in browsers (docs/decisions/035): a session lives in the store, known there only by its
// id's SHA-256, and travels in an HttpOnly, SameSite=Lax cookie (Secure, and named __Host-, when
// PUBLIC_URL is https). Each sign-in makes a new id (the old one, if any, ends), so an id planted
// before sign-in is worth nothing after it. A session ends when signed out, revoked, idle too long,
// or at its absolute end, whichever comes first.
import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../model/apiError";
import { toAccount } from "../../store/accounts";
import type { StoryStore } from "../../store/storyStore";
import { hashSecret, newSecret } from "./secrets";

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however used. */
  maxMs: number;
}

export const DEFAULT_SESSIONS: SessionSettings = { idleMs: 2 * 60 * 60_000, maxMs: 12 * 60 * 60_000 };

export interface SessionCookie {
  name: string;
  secure: boolean;
}

/** The cookie for a site at `publicUrl`: `__Host-` (Secure, host-only, path /) on https. */
export function sessionCookie(publicUrl: string): SessionCookie {
  const secure = new URL(publicUrl).protocol === "https:";
  return { name: secure ? "__Host-dispatch_session" : "dispatch_session", secure };
}

export function sessionIdOf(request: FastifyRequest, cookie: SessionCookie): string | undefined {
  const value = request.cookies[cookie.name];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/**
 * Starts a session for `accountId`: ends the one the request came with, stores the new one's hashes,
 * sets the cookie, and returns the CSRF token for clients that send neither Origin nor Sec-Fetch-Site.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  { store, cookie, settings, now }: { store: StoryStore; cookie: SessionCookie; settings: SessionSettings; now: Date },
  accountId: string,
): Promise<{ csrfToken: string }> {
  const previous = sessionIdOf(request, cookie);
  if (previous) await store.accounts.endSession(hashSecret(previous));
  const id = newSecret();
  const csrfToken = newSecret();
  await store.accounts.createSession(
    {
      idHash: hashSecret(id),
      csrfHash: hashSecret(csrfToken),
      accountId,
      expiresAt: new Date(now.getTime() + settings.maxMs),
    },
    now,
  );
  reply.setCookie(cookie.name, id, {
    path: "/",
    httpOnly: true,
    secure: cookie.secure,
    sameSite: "lax",
    maxAge: Math.floor(settings.maxMs / 1000),
  });
  reply.header("cache-control", "no-store");
  return { csrfToken };
}

export function clearSessionCookie(reply: FastifyReply, cookie: SessionCookie): void {
  reply.clearCookie(cookie.name, { path: "/", httpOnly: true, secure: cookie.secure, sameSite: "lax" });
}

/**
 * Signs an account in, by whichever way it proved itself (a password, a passkey): a new session
 * (any the browser held ends), and what the client is told, the account and the session's CSRF token.
 */
export async function signIn(
  request: FastifyRequest,
  reply: FastifyReply,
  options: Parameters<typeof startSession>[2],
  accountId: string,
) {
  const { csrfToken } = await startSession(request, reply, options, accountId);
  const account = await options.store.accounts.getAccount(accountId);
  if (!account) throw new ApiError("account_not_found", "The account is gone.");
  return { account: toAccount(account), csrfToken };
}
