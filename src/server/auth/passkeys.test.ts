// Passkeys over HTTP, on the real server and store of each engine: registration through an
// invitation, then sign-in, both ceremonies checked by @simplewebauthn/server against challenges
// the server keeps. The authenticator is software built here (a boundary that cannot run in
// Node: a browser and a device): a P-256 key, attestation "none", assertions signed as an
// authenticator signs them (WebAuthn §6.1, §6.3.3). The attacks: another origin, a replayed
// answer, a challenge made for another purpose, a key the server does not know, a forged signature.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { encodeCBOR } from "@levischuck/tiny-cbor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const SITE = "https://news.example";
const sameOrigin = { origin: SITE, "sec-fetch-site": "same-origin" };

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest();

/** A software authenticator holding one passkey for this site. */
function authenticator() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  const coseKey = encodeCBOR(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x as string, "base64url")],
      [-3, Buffer.from(jwk.y as string, "base64url")],
    ]),
  );
  let signCount = 0;
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    id: b64(credentialId),
    register(challenge: string, origin = SITE) {
      const authData = Buffer.concat([
        sha256("news.example"),
        Buffer.from([0x45]), // user present, verified, attested credential data
        Buffer.alloc(4),
        Buffer.alloc(16), // AAGUID
        Buffer.from([0, credentialId.length]),
        credentialId,
        Buffer.from(coseKey),
      ]);
      const attestationObject = encodeCBOR(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64(clientData("webauthn.create", challenge, origin)),
          attestationObject: b64(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
      };
    },
    assert(challenge: string, { origin = SITE, key = privateKey }: { origin?: string; key?: KeyObject } = {}) {
      signCount += 1;
      const count = Buffer.alloc(4);
      count.writeUInt32BE(signCount);
      const authData = Buffer.concat([sha256("news.example"), Buffer.from([0x05]), count]);
      const data = clientData("webauthn.get", challenge, origin);
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64(data),
          authenticatorData: b64(authData),
          signature: b64(sign("sha256", Buffer.concat([authData, sha256(data)]), key)),
        },
        clientExtensionResults: {},
      };
    },
  };
}

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine, publicUrl: SITE, demo: false });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, body?: unknown, headers: Record<string, string> = sameOrigin, cookie?: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: {
        ...headers,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(cookie ? { cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const cookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .find((line) => line.startsWith("__Host-dispatch_session="))
      ?.split(";")[0];
  const challengeOf = async (response: Response) => ((await response.json()) as { challenge: string }).challenge;

  async function invitation(email: string) {
    const made = await fetch(`${server.url}/api/accounts`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ email, role: "editor" }),
    });
    const { invitation, account } = (await made.json()) as { invitation: { url: string }; account: { id: string } };
    return { token: invitation.url.split("/").at(-1) as string, accountId: account.id };
  }

  it("registers a passkey through an invitation, once, and signs in with it", async () => {
    const device = authenticator();
    const { token, accountId } = await invitation("keys@news.example");
    const options = await post(`/api/invitations/${token}/passkey-options`);
    expect(options.status).toBe(200);
    const registered = await post(`/api/invitations/${token}/passkey`, device.register(await challengeOf(options)));
    expect(registered.status).toBe(200);
    expect(cookieOf(registered)).toBeDefined();

    // The invitation is spent: no second passkey (nor password) through it.
    expect((await post(`/api/invitations/${token}/passkey-options`)).status).toBe(400);

    const signInOptions = await post("/api/session/passkey-options");
    const signedIn = await post("/api/session/passkey", device.assert(await challengeOf(signInOptions)));
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { account: { id: string } }).account.id).toBe(accountId);
    const cookie = cookieOf(signedIn) as string;
    const me = await fetch(`${server.url}/api/session`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it("refuses a registration for another origin, or with a challenge the server did not make for it", async () => {
    const device = authenticator();
    const { token } = await invitation("forged@news.example");
    const options = await challengeOf(await post(`/api/invitations/${token}/passkey-options`));
    const elsewhere = await post(`/api/invitations/${token}/passkey`, device.register(options, "https://evil.example"));
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("origin");
    // That challenge was taken by the failed try; and one the server never made does nothing either.
    expect((await post(`/api/invitations/${token}/passkey`, device.register(options))).status).toBe(400);
    expect((await post(`/api/invitations/${token}/passkey`, device.register(b64(randomBytes(32))))).status).toBe(400);
    // A sign-in challenge is not a registration's.
    const signInChallenge = await challengeOf(await post("/api/session/passkey-options"));
    expect((await post(`/api/invitations/${token}/passkey`, device.register(signInChallenge))).status).toBe(400);
    // The invitation is still good: nothing above used it.
    const fresh = await challengeOf(await post(`/api/invitations/${token}/passkey-options`));
    expect((await post(`/api/invitations/${token}/passkey`, device.register(fresh))).status).toBe(200);
  });

  it("refuses a sign-in replayed, from another origin, signed by another key, or by a passkey it does not know", async () => {
    const device = authenticator();
    const { token } = await invitation("attacked@news.example");
    const registration = await challengeOf(await post(`/api/invitations/${token}/passkey-options`));
    expect((await post(`/api/invitations/${token}/passkey`, device.register(registration))).status).toBe(200);

    const answer = device.assert(await challengeOf(await post("/api/session/passkey-options")));
    expect((await post("/api/session/passkey", answer)).status).toBe(200);
    const replayed = await post("/api/session/passkey", answer);
    expect(replayed.status).toBe(401);
    expect(cookieOf(replayed)).toBeUndefined();

    const elsewhere = device.assert(await challengeOf(await post("/api/session/passkey-options")), {
      origin: "https://evil.example",
    });
    const refusedElsewhere = await post("/api/session/passkey", elsewhere);
    expect(refusedElsewhere.status).toBe(401);
    expect(await refusedElsewhere.text()).toContain("origin");

    const thief = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const forged = device.assert(await challengeOf(await post("/api/session/passkey-options")), { key: thief });
    const refusedForged = await post("/api/session/passkey", forged);
    expect(refusedForged.status).toBe(401);
    expect(await refusedForged.text()).toContain("signature");

    const stranger = authenticator().assert(await challengeOf(await post("/api/session/passkey-options")));
    expect((await post("/api/session/passkey", stranger)).status).toBe(401);

    // From another site, the ceremony does not even start.
    const crossSite = await post("/api/session/passkey-options", undefined, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
  });

  it("lets someone signed in add a passkey, list theirs and remove one; never a key, another site, or someone else", async () => {
    const first = authenticator();
    const { token } = await invitation("more-keys@news.example");
    const registration = await challengeOf(await post(`/api/invitations/${token}/passkey-options`));
    const signedIn = await post(`/api/invitations/${token}/passkey`, first.register(registration));
    const cookie = cookieOf(signedIn) as string;
    const list = async (who = cookie) => {
      const answer = await fetch(`${server.url}/api/passkeys`, { headers: { cookie: who } });
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { items: { id: string; createdAt: string }[] }).items.map((key) => key.id);
    };
    expect(await list()).toEqual([first.id]);

    // A second device, added while signed in; its options leave out the passkey already held.
    const second = authenticator();
    const options = await post("/api/passkeys/options", undefined, sameOrigin, cookie);
    expect(options.status).toBe(200);
    const offered = (await options.json()) as { challenge: string; excludeCredentials: { id: string }[] };
    expect(offered.excludeCredentials.map((key) => key.id)).toEqual([first.id]);
    const added = await post("/api/passkeys", second.register(offered.challenge), sameOrigin, cookie);
    expect(added.status, await added.clone().text()).toBe(201);
    expect(await list()).toEqual([first.id, second.id]);
    // The same passkey twice is refused, with words, not a crash.
    const again = await challengeOf(await post("/api/passkeys/options", undefined, sameOrigin, cookie));
    const twice = await post("/api/passkeys", second.register(again), sameOrigin, cookie);
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("registered already");

    // The second one signs in.
    const answer = second.assert(await challengeOf(await post("/api/session/passkey-options")));
    expect((await post("/api/session/passkey", answer)).status).toBe(200);

    // Not with a key (a script must not give itself a way in as a person), nor from another site.
    const made = await post("/api/keys", { name: "bot", scopes: ["accounts"] }, sameOrigin, cookie);
    const { key } = (await made.json()) as { key: string };
    const byKey = await post("/api/passkeys/options", undefined, { authorization: `Bearer ${key}` });
    expect(byKey.status).toBe(403);
    expect(await byKey.text()).toContain("signed-in browser");
    const crossSite = await post("/api/passkeys/options", undefined, { "sec-fetch-site": "cross-site" }, cookie);
    expect(crossSite.status).toBe(403);

    // Someone else can neither see nor remove this account's passkeys.
    const other = authenticator();
    const { token: otherToken } = await invitation("someone-else@news.example");
    const otherChallenge = await challengeOf(await post(`/api/invitations/${otherToken}/passkey-options`));
    const otherCookie = cookieOf(await post(`/api/invitations/${otherToken}/passkey`, other.register(otherChallenge)));
    expect(await list(otherCookie as string)).toEqual([other.id]);
    const remove = (id: string, who: string) =>
      fetch(`${server.url}/api/passkeys/${id}`, { method: "DELETE", headers: { ...sameOrigin, cookie: who } });
    expect((await remove(first.id, otherCookie as string)).status).toBe(404);

    expect((await remove(first.id, cookie)).status).toBe(204);
    expect(await list()).toEqual([second.id]);
    expect((await remove(first.id, cookie)).status).toBe(404);
    // A removed passkey no longer signs in.
    const removedAnswer = first.assert(await challengeOf(await post("/api/session/passkey-options")));
    expect((await post("/api/session/passkey", removedAnswer)).status).toBe(401);
  });
});
