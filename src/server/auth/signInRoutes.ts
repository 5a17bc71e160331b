// Signing in and out over the API (docs/decisions/035): a password (argon2id), through an
// invitation the first time; the browser pages for it are issue 22's. Sign-in is throttled per
// client and per account, and refused from another site (a forged sign-in would put a victim's
// browser in the attacker's account). Wrong email and wrong password answer alike, in like time.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { passwordSchema, signInSchema } from "../../model/account";
import { ApiError } from "../../model/apiError";
import type { StoryStore } from "../../store/storyStore";
import { clientLimit, type Limit, type RequestCounter } from "../http/rateLimits";
import { type Access, fromAnotherSite } from "./access";
import { invitationToken } from "./invitations";
import { hashPassword, hashSecret, passwordMatches } from "./secrets";
import { clearSessionCookie, signIn } from "./sessions";

/** Failed sign-ins a client may make in 15 minutes… */
export const SIGN_IN_CLIENT_LIMIT: Limit = {
  name: "sign-in-client",
  max: 10,
  windowMs: 15 * 60_000,
  message: "Too many failed sign-ins from this client: wait for Retry-After seconds.",
};
/** …and that may be made against one account, from anywhere. */
export const SIGN_IN_ACCOUNT_LIMIT = { max: 5, windowMs: 15 * 60_000 } as const;

export interface SignInRoutesOptions {
  store: StoryStore;
  access: Access;
  counter: RequestCounter;
  publicUrl: string;
  now: () => Date;
}

type TokenRequest = { Params: { token: string } };

export const signInRoutes: FastifyPluginAsync<SignInRoutesOptions> = async (
  app,
  { store, access, counter, publicUrl, now },
) => {
  const clientFailures = clientLimit(app, SIGN_IN_CLIENT_LIMIT);
  const accountKey = (email: string) => `sign-in-account:${email}`;

  const sameSiteOnly = (request: FastifyRequest) => {
    if (fromAnotherSite(request, publicUrl) === true)
      throw new ApiError("cross_site_request", "Sign in from this site's own pages.");
  };
  const body = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new ApiError("invalid_account", z.prettifyError(parsed.error));
    return parsed.data;
  };
  const signedIn = (request: FastifyRequest, reply: FastifyReply, accountId: string) =>
    signIn(request, reply, { store, cookie: access.cookie, settings: access.sessions, now: now() }, accountId);

  app.post("/api/session", async (request, reply) => {
    reply.header("cache-control", "no-store");
    sameSiteOnly(request);
    await clientFailures.check(request, reply);
    const { email, password } = body(signInSchema, request.body);
    const tries = await counter.peek(accountKey(email));
    if (tries.count >= SIGN_IN_ACCOUNT_LIMIT.max) {
      const waitS = Math.max(1, Math.ceil((tries.windowEnd - now().getTime()) / 1000));
      reply.header("retry-after", String(waitS));
      throw new ApiError(
        "too_many_requests",
        "Too many failed sign-ins to this account: wait for Retry-After seconds.",
      );
    }
    const account = await store.accounts.findAccountByEmail(email);
    if (!(await passwordMatches(password, account?.password_hash ?? null)) || !account) {
      await counter.count(accountKey(email), SIGN_IN_ACCOUNT_LIMIT.windowMs);
      await clientFailures.hit(request, reply);
      throw new ApiError("unauthorized", "Wrong email or password.");
    }
    return signedIn(request, reply, account.id);
  });

  app.get("/api/session", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const actor = await access.identify(request, reply);
    if (!actor) throw new ApiError("unauthorized", "Not signed in.");
    return { account: actor.account, role: actor.role, via: actor.via };
  });

  app.delete("/api/session", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const actor = await access.identify(request, reply);
    if (actor?.via !== "session" || !actor.sessionHash) throw new ApiError("unauthorized", "Not signed in.");
    await store.accounts.endSession(actor.sessionHash);
    clearSessionCookie(reply, access.cookie);
    return reply.code(204).send();
  });

  const invitedAccount = async (value: string) => {
    const token = invitationToken(value);
    const account = token ? await store.accounts.invitedAccount(hashSecret(token), now()) : null;
    if (!token || !account)
      throw new ApiError("invitation_invalid", "This invitation was used already, has expired, or never was.");
    return { token, account };
  };

  app.get<TokenRequest>("/api/invitations/:token", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const { account } = await invitedAccount(request.params.token);
    return { email: account.email, name: account.name, role: account.role };
  });

  // Accepting an invitation with a password: the password is set and a session starts. The
  // invitation is used first, so two requests racing with one token set at most one password.
  app.post<TokenRequest>("/api/invitations/:token", async (request, reply) => {
    reply.header("cache-control", "no-store");
    sameSiteOnly(request);
    const { password } = body(z.strictObject({ password: passwordSchema }), request.body);
    const { token } = await invitedAccount(request.params.token);
    const accountId = await store.accounts.useInvitation(hashSecret(token), now());
    if (!accountId) throw new ApiError("invitation_invalid", "This invitation was used already, or has expired.");
    await store.accounts.setPassword(accountId, await hashPassword(password));
    // A new password ends every session the old one (or a thief) had.
    await store.accounts.endSessionsOf(accountId);
    return signedIn(request, reply, accountId);
  });
};
