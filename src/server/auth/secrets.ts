// The secrets Dispatch hands out and how it keeps them (docs/decisions/035). Session ids,
// invitation tokens and API keys are 256 random bits, so the store keeps their SHA-256 (a slow hash
// adds nothing to a secret nobody can guess, and a leaked table gives no one a way in). Passwords
// are people's, so they get argon2id with @node-rs/argon2's defaults (19 MiB, 2 passes: OWASP's
// figures), whose verify compares in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** A new secret: 32 random bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString("base64url");

/** How the store keeps a random secret. */
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("base64url");

/** Whether `secret` hashes to `expected`, compared in constant time. */
export function secretMatches(secret: string, expected: string): boolean {
  const presented = Buffer.from(hashSecret(secret));
  const held = Buffer.from(expected);
  return presented.length === held.length && timingSafeEqual(presented, held);
}

export const hashPassword = (password: string): Promise<string> => hash(password);

/**
 * A hash no password matches, verified when there is no account or no password, so that a wrong
 * email costs the same time as a wrong password and answers the same.
 */
let unmatchable: Promise<string> | undefined;

/** Whether `password` is the one `passwordHash` was made from; null `passwordHash` never matches (in the same time). */
export async function passwordMatches(password: string, passwordHash: string | null): Promise<boolean> {
  unmatchable ??= hash(newSecret());
  const held = passwordHash ?? (await unmatchable);
  const matched = await verify(held, password).catch(() => false);
  return matched && passwordHash !== null;
}
