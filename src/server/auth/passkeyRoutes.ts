// Passkeys over the API (docs/decisions/035, 048), with @simplewebauthn/server: an invitee registers
// one through their invitation (which it then uses up, as a password would), someone signed in in
// a browser adds more, sees and removes theirs, and anyone with one signs in with it. Each ceremony's challenge is made and kept by the server (auth_challenges),
// taken once when the answer comes, and bound to its purpose (and, to register, its account); the
// relying party is PUBLIC_URL's host and the only origin accepted is PUBLIC_URL's.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ApiError } from "../../model/apiError";
import type { StoryStore } from "../../store/storyStore";
import { clientLimit } from "../http/rateLimits";
import { type Access, actorOf, fromAnotherSite } from "./access";
import { invitationToken } from "./invitations";
import { hashSecret } from "./secrets";
import { signIn } from "./sessions";
import { SIGN_IN_CLIENT_LIMIT } from "./signInRoutes";

/** How long a ceremony may take, from its options to its answer. */
export const CEREMONY_TTL_MS = 5 * 60_000;

export interface PasskeyRoutesOptions {
  store: StoryStore;
  access: Access;
  publicUrl: string;
  now: () => Date;
}

type TokenRequest = { Params: { token: string } };
type IdRequest = { Params: { id: string } };

/** A credential as a browser's `toJSON()` gives it: checked in shape here, in substance by the library. */
const credentialSchema = z.object({
  id: z.string().max(1024),
  rawId: z.string().max(1024),
  type: z.literal("public-key"),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().optional(),
});

export const passkeyRoutes: FastifyPluginAsync<PasskeyRoutesOptions> = async (
  app,
  { store, access, publicUrl, now },
) => {
  const origin = new URL(publicUrl).origin;
  const rpID = new URL(publicUrl).hostname;
  const failures = clientLimit(app, SIGN_IN_CLIENT_LIMIT);

  const guard = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header("cache-control", "no-store");
    if (fromAnotherSite(request, publicUrl) === true)
      throw new ApiError("cross_site_request", "Use a passkey from this site's own pages.");
  };
  const credentialOf = (body: unknown) => {
    const parsed = credentialSchema.safeParse(body);
    if (!parsed.success) throw new ApiError("passkey_refused", z.prettifyError(parsed.error));
    return parsed.data;
  };
  const invited = async (value: string) => {
    const token = invitationToken(value);
    const account = token ? await store.accounts.invitedAccount(hashSecret(token), now()) : null;
    if (!token || !account)
      throw new ApiError("invitation_invalid", "This invitation was used already, has expired, or never was.");
    return { token, account };
  };
  const signedIn = (request: FastifyRequest, reply: FastifyReply, accountId: string) =>
    signIn(request, reply, { store, cookie: access.cookie, settings: access.sessions, now: now() }, accountId);
  const expires = () => new Date(now().getTime() + CEREMONY_TTL_MS);

  /** Options to register a passkey for `account`, its challenge kept for this account alone. */
  const registrationOptions = async (account: { id: string; email: string; name: string }) => {
    const options = await generateRegistrationOptions({
      rpName: rpID,
      rpID,
      userName: account.email,
      userDisplayName: account.name,
      userID: new TextEncoder().encode(account.id),
      attestationType: "none",
      excludeCredentials: (await store.accounts.passkeysOf(account.id)).map((key) => ({ id: key.credential_id })),
      authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
      timeout: CEREMONY_TTL_MS,
    });
    await store.accounts.saveChallenge(options.challenge, "register", account.id, expires());
    return options;
  };
  /** A new passkey's credential, once its answer verifies against a challenge made to register `accountId`. */
  const verifiedRegistration = async (body: unknown, accountId: string) => {
    const response = credentialOf(body) as unknown as RegistrationResponseJSON;
    const verified = await verifyRegistrationResponse({
      response,
      // The challenge must be one this server made to register this account, not yet used.
      expectedChallenge: async (challenge) =>
        (await store.accounts.takeChallenge(challenge, "register", now()))?.accountId === accountId,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    }).catch((error: Error) => {
      throw new ApiError("passkey_refused", `The passkey was not registered: ${error.message}`);
    });
    if (!verified.verified) throw new ApiError("passkey_refused", "The passkey was not registered.");
    const { credential } = verified.registrationInfo;
    if (await store.accounts.findPasskey(credential.id))
      throw new ApiError("passkey_refused", "This passkey is registered already.");
    return credential;
  };
  const keep = async (credential: Awaited<ReturnType<typeof verifiedRegistration>>, accountId: string) => {
    await store.accounts.addPasskey(
      {
        credential_id: credential.id,
        account_id: accountId,
        public_key: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: (credential.transports ?? []).join(" "),
      },
      now(),
    );
  };

  app.post<TokenRequest>("/api/invitations/:token/passkey-options", async (request, reply) => {
    guard(request, reply);
    const { account } = await invited(request.params.token);
    return registrationOptions(account);
  });

  app.post<TokenRequest>("/api/invitations/:token/passkey", async (request, reply) => {
    guard(request, reply);
    const { token, account } = await invited(request.params.token);
    const credential = await verifiedRegistration(request.body, account.id);
    const accountId = await store.accounts.useInvitation(hashSecret(token), now());
    if (accountId !== account.id)
      throw new ApiError("invitation_invalid", "This invitation was used already, or has expired.");
    await keep(credential, account.id);
    await store.accounts.endSessionsOf(account.id);
    return signedIn(request, reply, account.id);
  });

  app.post("/api/session/passkey-options", async (request, reply) => {
    guard(request, reply);
    await failures.check(request, reply);
    // No credentials named: the browser offers the passkeys it holds for this site.
    const options = await generateAuthenticationOptions({
      rpID,
      userVerification: "preferred",
      timeout: CEREMONY_TTL_MS,
    });
    await store.accounts.saveChallenge(options.challenge, "sign-in", null, expires());
    return options;
  });

  app.post("/api/session/passkey", async (request, reply) => {
    guard(request, reply);
    await failures.check(request, reply);
    const response = credentialOf(request.body) as unknown as AuthenticationResponseJSON;
    const refuse = async (why: string): Promise<never> => {
      await failures.hit(request, reply);
      throw new ApiError("unauthorized", `The passkey did not sign in: ${why}`);
    };
    const passkey = await store.accounts.findPasskey(response.id);
    if (!passkey) return refuse("this site knows no such passkey.");
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: async (challenge) =>
        (await store.accounts.takeChallenge(challenge, "sign-in", now())) !== null,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
        counter: Number(passkey.counter),
        transports: passkey.transports.split(" ").filter(Boolean),
      },
      requireUserVerification: false,
    }).catch((error: Error) => ({ verified: false as const, error }));
    if (!verified.verified)
      return refuse("error" in verified ? verified.error.message : "its signature did not verify.");
    await store.accounts.setPasskeyCounter(passkey.credential_id, verified.authenticationInfo.newCounter);
    return signedIn(request, reply, passkey.account_id);
  });

  // One's own passkeys, from a signed-in browser only: a key or token (which a script holds) must
  // not be able to give its holder a way to sign in as a person.
  const own = access.require("keys:own");
  const signedInPerson = (request: FastifyRequest) => {
    const { via, account } = actorOf(request);
    if (via !== "session" || !account)
      throw new ApiError(
        "forbidden",
        "Passkeys are added and removed from a signed-in browser, not with a key or token.",
      );
    return account;
  };

  app.get("/api/passkeys", { preHandler: own }, async (request) => {
    const account = signedInPerson(request);
    const passkeys = await store.accounts.passkeysOf(account.id);
    return {
      items: passkeys
        .map((key) => ({ id: key.credential_id, createdAt: key.created_at }))
        .sort((one, other) => one.createdAt.localeCompare(other.createdAt)),
    };
  });

  app.post("/api/passkeys/options", { preHandler: own }, async (request) =>
    registrationOptions(signedInPerson(request)),
  );

  app.post("/api/passkeys", { preHandler: own }, async (request, reply) => {
    const account = signedInPerson(request);
    const credential = await verifiedRegistration(request.body, account.id);
    await keep(credential, account.id);
    return reply.code(201).send({ id: credential.id, createdAt: now().toISOString() });
  });

  app.delete<IdRequest>("/api/passkeys/:id", { preHandler: own }, async (request, reply) => {
    const account = signedInPerson(request);
    if (!(await store.accounts.removePasskey(account.id, request.params.id)))
      throw new ApiError("passkey_not_found", "You have no such passkey.");
    return reply.code(204).send();
  });
};
