// Invitations: how an account gets its first way in, or a new one (docs/decisions/035). A link with
// a random token, kept hashed, used once (the store's conditional update), expiring after
// INVITATION_TTL_MS. Made by `npm run account -- add` and by an admin through the API alike.
import type { StoryStore } from "../../store/storyStore";
import { hashSecret, newSecret } from "./secrets";

export const INVITATION_TTL_MS = 72 * 60 * 60_000;

export interface Invitation {
  /** Where the invitee sets a password or a passkey: the page (issue 22) at /invitations/TOKEN, whose API is /api/invitations/TOKEN. */
  url: string;
  token: string;
  expiresAt: string;
}

export async function invite(store: StoryStore, accountId: string, publicUrl: string, now: Date): Promise<Invitation> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await store.accounts.createInvitation(accountId, hashSecret(token), expiresAt);
  return { url: new URL(`/invitations/${token}`, publicUrl).href, token, expiresAt: expiresAt.toISOString() };
}

/** An invitation token as a path carries it, or undefined for anything else (which matches nothing). */
export const invitationToken = (value: string): string | undefined =>
  /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
