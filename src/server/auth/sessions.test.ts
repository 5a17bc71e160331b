// The session cookie's name and Secure flag follow PUBLIC_URL: on https it is __Host- prefixed and
// Secure (a browser then refuses it from plain http and from any subdomain); on http (a laptop's
// localhost) a Secure cookie would never come back, so it is neither.
import { describe, expect, it } from "vitest";
import { sessionCookie } from "./sessions";

describe("sessionCookie", () => {
  it("is __Host- and Secure on https, plain on http", () => {
    expect(sessionCookie("https://news.example")).toEqual({ name: "__Host-dispatch_session", secure: true });
    expect(sessionCookie("http://localhost:3000")).toEqual({ name: "dispatch_session", secure: false });
  });
});
