// Accounts and API keys over the API (docs/decisions/035): admins make accounts (each with an
// invitation), change roles, delete accounts and end their sessions; anyone signed in makes and
// revokes their own API keys, shown whole once and kept only hashed. Never cached.
import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { accountChangeSchema, accountInputSchema, atLeast, keyInputSchema } from "../../model/account";
import { ApiError } from "../../model/apiError";
import type { StoryStore } from "../../store/storyStore";
import { type Access, actorOf } from "./access";
import { invite } from "./invitations";
import { hashSecret, newSecret } from "./secrets";

export interface AccountRoutesOptions {
  store: StoryStore;
  access: Access;
  publicUrl: string;
  now: () => Date;
}

type IdRequest = { Params: { id: string } };

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError("invalid_account", z.prettifyError(parsed.error));
  return parsed.data;
};

/** The name an account gets when none is given: its email's local part. */
const nameFrom = (email: string) => email.split("@")[0] ?? email;

export const accountRoutes: FastifyPluginAsync<AccountRoutesOptions> = async (
  app,
  { store, access, publicUrl, now },
) => {
  const admin = access.require("accounts:manage");
  const own = access.require("keys:own");
  app.removeContentTypeParser("text/plain");

  app.get("/api/accounts", { preHandler: admin }, async () => ({ items: await store.accounts.listAccounts() }));

  app.post("/api/accounts", { preHandler: admin }, async (request, reply) => {
    const input = parse(accountInputSchema, request.body);
    const account = await store.accounts.createAccount(
      { email: input.email, name: input.name ?? nameFrom(input.email), role: input.role },
      now(),
    );
    const { url, expiresAt } = await invite(store, account.id, publicUrl, now());
    return reply.code(201).send({ account, invitation: { url, expiresAt } });
  });

  const accountOf = async (id: string) => {
    const account = await store.accounts.getAccount(id);
    if (!account) throw new ApiError("account_not_found", `There is no account ${JSON.stringify(id.slice(0, 40))}.`);
    return account;
  };

  app.put<IdRequest>("/api/accounts/:id", { preHandler: admin }, async (request) => {
    await accountOf(request.params.id);
    return store.accounts.changeAccount(request.params.id, parse(accountChangeSchema, request.body));
  });

  app.delete<IdRequest>("/api/accounts/:id", { preHandler: admin }, async (request, reply) => {
    if (!(await store.accounts.deleteAccount(request.params.id)))
      throw new ApiError("account_not_found", "There is no such account.");
    return reply.code(204).send();
  });

  // A new way in (a lost password): the old password stays until the invitation is used.
  app.post<IdRequest>("/api/accounts/:id/invitations", { preHandler: admin }, async (request, reply) => {
    await accountOf(request.params.id);
    const { url, expiresAt } = await invite(store, request.params.id, publicUrl, now());
    return reply.code(201).send({ url, expiresAt });
  });

  // Signs the account out everywhere.
  app.delete<IdRequest>("/api/accounts/:id/sessions", { preHandler: admin }, async (request) => {
    await accountOf(request.params.id);
    return { ended: await store.accounts.endSessionsOf(request.params.id) };
  });

  // Keys: one's own (an admin may name another account, and list or revoke anyone's).
  const keyBody = keyInputSchema.extend({ accountId: z.string().optional() });
  app.post("/api/keys", { preHandler: own }, async (request, reply) => {
    const actor = actorOf(request);
    const input = parse(keyBody, request.body);
    const accountId = input.accountId ?? actor.account?.id;
    if (input.accountId && !atLeast(actor.role, "admin"))
      throw new ApiError("forbidden", "Only an admin makes keys for another account.");
    if (!accountId) throw new ApiError("invalid_account", "accountId: the token has no account; name one.");
    await accountOf(accountId);
    const id = randomBytes(12).toString("base64url");
    const secret = newSecret();
    const key = await store.accounts.createKey(
      { id, accountId, name: input.name, scopes: input.scopes, keyHash: hashSecret(secret) },
      now(),
    );
    // The only time the key is seen whole.
    return reply.code(201).send({ ...key, key: `dk_${id}_${secret}` });
  });

  app.get("/api/keys", { preHandler: own }, async (request) => {
    const actor = actorOf(request);
    return { items: await store.accounts.listKeys(atLeast(actor.role, "admin") ? undefined : actor.account?.id) };
  });

  app.delete<IdRequest>("/api/keys/:id", { preHandler: own }, async (request, reply) => {
    const actor = actorOf(request);
    const key = await store.accounts.getKey(request.params.id);
    if (!key || (key.accountId !== actor.account?.id && !atLeast(actor.role, "admin")))
      throw new ApiError("key_not_found", "There is no such key of yours.");
    await store.accounts.revokeKey(key.id, now());
    return reply.code(204).send();
  });
};
