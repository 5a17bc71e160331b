// Accounts and their ways in (docs/decisions/035): invitations, sessions, passkeys and the
// challenges of their ceremonies, API keys, and which account owns each story. The store keeps
// secrets only as the hashes the server hands it (server/auth/secrets.ts); it never sees one whole.
// None of this is a story write: it raises no store version and drops no kept answer.
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Account, KeyScope, Role } from "../model/account";
import { ApiError } from "../model/apiError";
import type { Database } from "./schema";

type Db = Kysely<Database>;
export type AccountRow = Selectable<Database["accounts"]>;
export type PasskeyRow = Selectable<Database["passkeys"]>;

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  name: string;
  scopes: KeyScope[];
  createdAt: string;
  revokedAt: string | null;
}

export interface SessionRecord {
  idHash: string;
  csrfHash: string;
  account: AccountRow;
}

export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
  createdAt: row.created_at,
});

const toKey = (row: Selectable<Database["api_keys"]>): ApiKeyRecord => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  scopes: row.scopes.split(" ").filter(Boolean) as KeyScope[],
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** Seconds a session may go unused, and live at all. */
export interface SessionTimes {
  idleMs: number;
}

/** How often a session's last use is written: a request within this of the last write leaves it. */
const TOUCH_EVERY_MS = 60_000;

export function accountStore(db: Db) {
  return {
    async createAccount(input: { email: string; name: string; role: Role }, now: Date): Promise<Account> {
      const taken = await db.selectFrom("accounts").select("id").where("email", "=", input.email).executeTakeFirst();
      if (taken) throw new ApiError("account_exists", `There is already an account for ${input.email}.`);
      const row = { id: randomUUID(), ...input, password_hash: null, created_at: now.toISOString() };
      await db.insertInto("accounts").values(row).execute();
      return toAccount(row);
    },

    async getAccount(id: string): Promise<AccountRow | null> {
      return (await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
    },

    async findAccountByEmail(email: string): Promise<AccountRow | null> {
      return (await db.selectFrom("accounts").selectAll().where("email", "=", email).executeTakeFirst()) ?? null;
    },

    async listAccounts(): Promise<Account[]> {
      return (await db.selectFrom("accounts").selectAll().orderBy("created_at").orderBy("id").execute()).map(toAccount);
    },

    async changeAccount(id: string, change: { name?: string; role?: Role }): Promise<Account | null> {
      const set = { ...(change.name ? { name: change.name } : {}), ...(change.role ? { role: change.role } : {}) };
      if (Object.keys(set).length > 0) await db.updateTable("accounts").set(set).where("id", "=", id).execute();
      const row = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toAccount(row) : null;
    },

    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.updateTable("accounts").set({ password_hash: passwordHash }).where("id", "=", id).execute();
    },

    /** Deletes an account with everything that lets anyone act as it; its writes keep its name. */
    async deleteAccount(id: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        for (const table of ["sessions", "invitations", "passkeys", "api_keys"] as const)
          await trx.deleteFrom(table).where("account_id", "=", id).execute();
        const { numDeletedRows } = await trx.deleteFrom("accounts").where("id", "=", id).executeTakeFirst();
        return numDeletedRows > 0n;
      });
    },

    async createInvitation(accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
      await db
        .insertInto("invitations")
        .values({ token_hash: tokenHash, account_id: accountId, expires_at: expiresAt.toISOString(), used_at: null })
        .execute();
    },

    /** The account an unused, unexpired invitation is for, without using it. */
    async invitedAccount(tokenHash: string, now: Date): Promise<AccountRow | null> {
      const row = await db
        .selectFrom("invitations")
        .innerJoin("accounts", "accounts.id", "invitations.account_id")
        .selectAll("accounts")
        .where("invitations.token_hash", "=", tokenHash)
        .where("invitations.used_at", "is", null)
        .where("invitations.expires_at", ">", now.toISOString())
        .executeTakeFirst();
      return row ?? null;
    },

    /**
     * Uses an invitation: one conditional update, so of two requests racing with one token only one
     * gets the account. Null when it was used, has expired or never was.
     */
    async useInvitation(tokenHash: string, now: Date): Promise<string | null> {
      const row = await db
        .updateTable("invitations")
        .set({ used_at: now.toISOString() })
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", now.toISOString())
        .returning("account_id")
        .executeTakeFirst();
      return row?.account_id ?? null;
    },

    async createSession(
      session: { idHash: string; csrfHash: string; accountId: string; expiresAt: Date },
      now: Date,
    ): Promise<void> {
      await db
        .insertInto("sessions")
        .values({
          id_hash: session.idHash,
          account_id: session.accountId,
          csrf_hash: session.csrfHash,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          expires_at: session.expiresAt.toISOString(),
        })
        .execute();
    },

    /**
     * The session and its account when it is neither past its absolute end nor idle longer than
     * `idleMs`; its last use is moved to now (at most once a minute). An ended one is deleted.
     */
    async resumeSession(idHash: string, now: Date, idleMs: number): Promise<SessionRecord | null> {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("accounts", "accounts.id", "sessions.account_id")
        .selectAll("accounts")
        .select(["sessions.csrf_hash", "sessions.last_seen_at", "sessions.expires_at"])
        .where("sessions.id_hash", "=", idHash)
        .executeTakeFirst();
      if (!row) return null;
      const lastSeen = Date.parse(row.last_seen_at);
      if (Date.parse(row.expires_at) <= now.getTime() || lastSeen + idleMs <= now.getTime()) {
        await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
        return null;
      }
      if (now.getTime() - lastSeen >= TOUCH_EVERY_MS)
        await db
          .updateTable("sessions")
          .set({ last_seen_at: now.toISOString() })
          .where("id_hash", "=", idHash)
          .execute();
      const { csrf_hash, last_seen_at: _, expires_at: __, ...account } = row;
      return { idHash, csrfHash: csrf_hash, account };
    },

    async endSession(idHash: string): Promise<void> {
      await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    },

    /** Ends every session of an account (an admin revoking them, a password set anew); returns how many. */
    async endSessionsOf(accountId: string): Promise<number> {
      const { numDeletedRows } = await db.deleteFrom("sessions").where("account_id", "=", accountId).executeTakeFirst();
      return Number(numDeletedRows);
    },

    async saveChallenge(challenge: string, purpose: string, accountId: string | null, expiresAt: Date): Promise<void> {
      await db
        .insertInto("auth_challenges")
        .values({ challenge, purpose, account_id: accountId, expires_at: expiresAt.toISOString() })
        .execute();
      await db.deleteFrom("auth_challenges").where("expires_at", "<=", new Date().toISOString()).execute();
    },

    /** Takes a challenge (it is gone afterwards, used or not): null unless it is there, for this purpose, unexpired. */
    async takeChallenge(challenge: string, purpose: string, now: Date): Promise<{ accountId: string | null } | null> {
      const row = await db
        .deleteFrom("auth_challenges")
        .where("challenge", "=", challenge)
        .returning(["purpose", "account_id", "expires_at"])
        .executeTakeFirst();
      if (!row || row.purpose !== purpose || Date.parse(row.expires_at) <= now.getTime()) return null;
      return { accountId: row.account_id };
    },

    async addPasskey(passkey: Omit<PasskeyRow, "created_at">, now: Date): Promise<void> {
      await db
        .insertInto("passkeys")
        .values({ ...passkey, created_at: now.toISOString() })
        .execute();
    },

    async findPasskey(credentialId: string): Promise<PasskeyRow | null> {
      return (
        (await db.selectFrom("passkeys").selectAll().where("credential_id", "=", credentialId).executeTakeFirst()) ??
        null
      );
    },

    async passkeysOf(accountId: string): Promise<PasskeyRow[]> {
      return db.selectFrom("passkeys").selectAll().where("account_id", "=", accountId).execute();
    },

    /** Removes one of an account's passkeys: false when the account has no such passkey. */
    async removePasskey(accountId: string, credentialId: string): Promise<boolean> {
      const removed = await db
        .deleteFrom("passkeys")
        .where("credential_id", "=", credentialId)
        .where("account_id", "=", accountId)
        .executeTakeFirst();
      return Number(removed.numDeletedRows) > 0;
    },

    async setPasskeyCounter(credentialId: string, counter: number): Promise<void> {
      await db.updateTable("passkeys").set({ counter }).where("credential_id", "=", credentialId).execute();
    },

    async createKey(
      key: { id: string; accountId: string; name: string; scopes: KeyScope[]; keyHash: string },
      now: Date,
    ): Promise<ApiKeyRecord> {
      const row = {
        id: key.id,
        account_id: key.accountId,
        name: key.name,
        scopes: key.scopes.join(" "),
        key_hash: key.keyHash,
        created_at: now.toISOString(),
        revoked_at: null,
      };
      await db.insertInto("api_keys").values(row).execute();
      return toKey(row);
    },

    /** A key that is not revoked, with its hash and its account. */
    async findKey(id: string): Promise<{ key: ApiKeyRecord; keyHash: string; account: AccountRow } | null> {
      const row = await db
        .selectFrom("api_keys")
        .innerJoin("accounts", "accounts.id", "api_keys.account_id")
        .selectAll("api_keys")
        .select(["accounts.email", "accounts.name as account_name", "accounts.role", "accounts.password_hash"])
        .select("accounts.created_at as account_created_at")
        .where("api_keys.id", "=", id)
        .where("api_keys.revoked_at", "is", null)
        .executeTakeFirst();
      if (!row) return null;
      return {
        key: toKey(row),
        keyHash: row.key_hash,
        account: {
          id: row.account_id,
          email: row.email,
          name: row.account_name,
          role: row.role,
          password_hash: row.password_hash,
          created_at: row.account_created_at,
        },
      };
    },

    async listKeys(accountId?: string): Promise<ApiKeyRecord[]> {
      let query = db.selectFrom("api_keys").selectAll().orderBy("created_at").orderBy("id");
      if (accountId) query = query.where("account_id", "=", accountId);
      return (await query.execute()).map(toKey);
    },

    async getKey(id: string): Promise<ApiKeyRecord | null> {
      const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toKey(row) : null;
    },

    async revokeKey(id: string, now: Date): Promise<boolean> {
      const { numUpdatedRows } = await db
        .updateTable("api_keys")
        .set({ revoked_at: now.toISOString() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },

    /** The account that created the story at this slug; null for one written before accounts, or by the token. */
    async storyOwner(slug: string): Promise<string | null> {
      const row = await db
        .selectFrom("story_owners")
        .select("account_id")
        .where("story_slug", "=", slug)
        .executeTakeFirst();
      return row?.account_id ?? null;
    },
  };
}

export type AccountStore = ReturnType<typeof accountStore>;
