// Passkeys in the browser (docs/decisions/048): the ceremonies through @simplewebauthn/browser,
// which turns the server's JSON options into WebAuthn calls and the answers back into JSON (3.8 KB
// gzip, in the newsroom's script only), and the API behind them (server/auth/passkeyRoutes.ts).
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import type { Account } from "../model/account";
import { call } from "./newsroomApi";

/** One of the signed-in person's passkeys. */
export interface Passkey {
  id: string;
  createdAt: string;
}

/** Whether this browser can use passkeys at all. */
export const passkeysWork = () => browserSupportsWebAuthn();

/** Signs in with a passkey the browser offers (discoverable: no email asked). */
export async function signInWithPasskey(): Promise<{ account: Account }> {
  const options = await call<PublicKeyCredentialRequestOptionsJSON>("POST", "/api/session/passkey-options");
  const answer = await startAuthentication({ optionsJSON: options });
  return call<{ account: Account }>("POST", "/api/session/passkey", answer);
}

/** The signed-in person's passkeys, oldest first. */
export const listPasskeys = async () => (await call<{ items: Passkey[] }>("GET", "/api/passkeys")).items;

/** Makes a passkey on this device (or a security key) for the signed-in person. */
export async function addPasskey(): Promise<Passkey> {
  const options = await call<PublicKeyCredentialCreationOptionsJSON>("POST", "/api/passkeys/options");
  const answer = await startRegistration({ optionsJSON: options });
  return call<Passkey>("POST", "/api/passkeys", answer);
}

export const removePasskey = (id: string) => call<void>("DELETE", `/api/passkeys/${encodeURIComponent(id)}`);
