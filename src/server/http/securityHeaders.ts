// The headers every answer carries, and the Content-Security-Policy of every HTML page: scripts run
// only with this answer's nonce (and what they load, 'strict-dynamic'); everything else comes from
// this site, except what a story may name (pictures and video from any https URL, model/story.ts),
// the YouTube player the facade loads on a click, and hls.js's blob: media and worker.
// A page's nonce is made per answer (cspNonce) and written into kept pages as they are sent
// (http/caching.ts, http/nonceSlots.ts). The embeddable player sets a policy of its own, the only
// one that lets other sites frame it (pages/embedRoutes.ts); this hook leaves it. A 304 carries no
// CSP: a browser would store it over the kept page's, whose body holds the old nonce (http/caching.ts
// takes it off 304s made later).
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { freshNonce } from "./nonceSlots";

export const CSP = "content-security-policy";

export interface SecurityHeadersOptions {
  /** The site's origin: HSTS when it is https. */
  publicUrl: string;
  /** Inline <style> texts static pages carry (offline.html's), allowed by their hashes. */
  inlineStyles?: string[];
  /** Any inline style (Vite's dev server injects <style> elements); off in production. */
  anyInlineStyle?: boolean;
}

const nonces = new WeakMap<FastifyRequest, string>();

/** This answer's CSP nonce: the one its page's scripts carry and its policy names. */
export function cspNonce(request: FastifyRequest): string {
  let nonce = nonces.get(request);
  if (!nonce) {
    nonce = freshNonce();
    nonces.set(request, nonce);
  }
  return nonce;
}

const styleHash = (css: string) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`;

/** The inline <style> texts of an HTML page. */
export function inlineStylesOf(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? "");
}

/** The policy of a page whose scripts carry this nonce. */
export function contentSecurityPolicy(nonce: string, styleSources: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src ${["'self'", ...styleSources].join(" ")}`,
    "img-src 'self' https:",
    "media-src 'self' https: blob:",
    // Saved stories copy their pictures from wherever they are (saved/offlineCopy.ts); hls.js
    // fetches a playlist from its https URL.
    "connect-src 'self' https:",
    "frame-src https://www.youtube-nocookie.com",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/** Powerful features no page uses, off for the page and anything it frames. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

const isHtml = (reply: FastifyReply) => /^text\/html\b/.test(String(reply.getHeader("content-type") ?? ""));

export interface SecurityHeaders {
  /** The headers every answer carries, as written on a socket by answers made outside Fastify (http/earlyAnswers.ts). */
  everyAnswer: [string, string][];
  /** Sets them on a reply about to go, and an HTML answer's policy with its nonce (its content type set first). */
  apply(request: FastifyRequest, reply: FastifyReply): void;
  /** The policy of a page whose scripts carry this nonce. */
  policy(nonce: string): string;
}

/** The headers for this site, made once. */
export function securityHeaderSet(options: SecurityHeadersOptions): SecurityHeaders {
  const everyAnswer: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
  };
  if (new URL(options.publicUrl).protocol === "https:") everyAnswer["strict-transport-security"] = "max-age=31536000";
  // The site's own style is inline in the offline page too: each text's hash is named once.
  const styleSources = options.anyInlineStyle
    ? ["'unsafe-inline'"]
    : [...new Set((options.inlineStyles ?? []).map(styleHash))];

  // The policy around its nonce, made once: an answer only puts its nonce between the two.
  const [policyStart, policyEnd] = contentSecurityPolicy("\0", styleSources).split("\0");
  const everyHeader = Object.entries(everyAnswer);
  const policy = (nonce: string) => `${policyStart}${nonce}${policyEnd}`;
  return {
    everyAnswer: everyHeader,
    apply(request, reply) {
      for (const [name, value] of everyHeader) reply.header(name, value);
      if (reply.statusCode !== 304 && !reply.hasHeader(CSP) && isHtml(reply))
        reply.header(CSP, policy(cspNonce(request)));
    },
    policy,
  };
}

/**
 * Adds the headers to every answer that leaves through Fastify's hooks (call it on the root
 * instance, before any route). Answers made before any hook can run (a URL the router cannot
 * read, Node's own refusals) apply them themselves: app.ts and http/earlyAnswers.ts.
 */
export function securityHeaders(app: FastifyInstance, headers: SecurityHeaders): void {
  app.addHook("onSend", (request, reply, payload, done) => {
    headers.apply(request, reply);
    done(null, payload);
  });
}
