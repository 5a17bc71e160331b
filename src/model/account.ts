// People who write Dispatch: their roles, what an API key may be scoped to, and what the accounts
// API takes and answers (docs/decisions/035). Shared by the server and, later, the newsroom's pages.
import { z } from "zod";

/** From least to most: each role may do what the ones before it may. */
export const ROLES = ["contributor", "author", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Whether `role` is `least` or above it. */
export const atLeast = (role: Role, least: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(least);

/**
 * What an API key may be used for, whatever its account's role allows beyond: reading what only
 * staff see (revisions), writing stories, writing live entries, managing accounts and keys.
 */
export const KEY_SCOPES = ["stories:read", "stories:write", "entries:write", "accounts"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** Who made a write, as revisions and live entries record it: an account, or "token" (ADMIN_TOKEN). */
export const writeAuthorSchema = z.object({ id: z.string(), name: z.string() });
export type WriteAuthor = z.infer<typeof writeAuthorSchema>;

/** The author of a write made with ADMIN_TOKEN. */
export const TOKEN_AUTHOR: WriteAuthor = { id: "token", name: "token" };

/** Passwords: at least 12 characters (ASVS 2.1.1); bounded so hashing one costs what it should. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;
export const passwordSchema = z
  .string()
  .min(PASSWORD_LENGTH.min, { error: `at least ${PASSWORD_LENGTH.min} characters` })
  .max(PASSWORD_LENGTH.max, { error: `at most ${PASSWORD_LENGTH.max} characters` });

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** POST /api/accounts (admin): an account and its invitation. */
export const accountInputSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(120).optional(),
  role: roleSchema,
});

/** PUT /api/accounts/:id (admin): a new role or name. */
export const accountChangeSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
});

/** POST /api/keys: a key's name and scopes. */
export const keyInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  scopes: z.array(z.enum(KEY_SCOPES)).min(1),
});

export const signInSchema = z.strictObject({ email: emailSchema, password: z.string().max(PASSWORD_LENGTH.max) });
