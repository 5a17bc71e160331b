// Dispatch's settings: every environment variable it reads, its default and what it accepts, in
// one schema (see .env.example). Nothing else in src reads process.env; tests pass a Config in.
import { availableParallelism } from "node:os";
import { basename, dirname } from "node:path";
import { z } from "zod";
import { DEFAULT_MEDIA_URL, parseMediaUrl } from "./media/mediaStore";
import { DEFAULT_UPLOAD_LIMITS } from "./media/uploads";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "./server/http/timeouts";
import { DEFAULT_SITE_CONFIG, readSiteConfig, type SiteConfig } from "./site/siteConfig";

export const DEFAULT_DATABASE_URL = "file:./data/dispatch.db";

/**
 * The store a site gets when DATABASE_URL is unset: the demo's for the demo's config, else a file
 * named after the site's config (`content/demo-ar/site.yaml` → `data/demo-ar.db`, `faro.yaml` →
 * `data/faro.db`), so that trying a second site never mixes its stories with another's.
 */
export function defaultStoreOf(siteConfig: string): string {
  if (siteConfig === DEFAULT_SITE_CONFIG) return DEFAULT_DATABASE_URL;
  const file = basename(siteConfig);
  const named = /^site\.ya?ml$/i.test(file) ? basename(dirname(siteConfig)) : file.replace(/\.ya?ml$/i, "");
  const slug = named
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `file:./data/${slug || "site"}.db`;
}

/** An unset or empty variable is absent, so its default applies. */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const port = z.coerce.number().int().min(0).max(65_535).default(3000);

const webConcurrency = z
  .union([z.literal("auto"), z.coerce.number().int().min(1)], { error: 'a whole number from 1, or "auto"' })
  .default(1)
  .transform((value) => (value === "auto" ? availableParallelism() : value));

const trustProxy = z
  .string()
  .default("false")
  .transform((value): boolean | string => (value === "false" ? false : value === "true" ? true : value));

const flag = z.enum(["0", "1"]).default("1");

/** The publishing API's only lock: long enough that guessing it (even unthrottled) is hopeless. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
/** Without purging a CDN learns of a write only by the clock: it may keep an answer this long. */
export const UNPURGED_MAX_AGE_S = 10;

const envSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, port),
  HOST: z.preprocess(unsetIfEmpty, z.string().default("0.0.0.0")),
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((url) => !url.includes("://") || /^postgres(ql)?:\/\//.test(url))
      .optional(),
  ),
  PUBLIC_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  ADMIN_TOKEN: z.preprocess(unsetIfEmpty, z.string().min(MIN_ADMIN_TOKEN_LENGTH).optional()),
  WEB_CONCURRENCY: z.preprocess(unsetIfEmpty, webConcurrency),
  TRUST_PROXY: z.preprocess(unsetIfEmpty, trustProxy),
  LOG_REQUESTS: z.preprocess(unsetIfEmpty, flag),
  RATE_LIMITS: z.preprocess(unsetIfEmpty, flag),
  RENDER_CACHE_MB: z.preprocess(unsetIfEmpty, z.coerce.number().min(0).max(65_536).default(64)),
  CDN_PURGE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((value) => value.split(",").map((url) => url.trim()))
      .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1))
      .optional(),
  ),
  CDN_MAX_AGE: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(31_536_000).default(14_400)),
  SITE_CONFIG: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_SITE_CONFIG)),
  SESSION_IDLE_MINUTES: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(120),
  ),
  SESSION_MAX_HOURS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24)
      .default(12),
  ),
  MEDIA_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default(DEFAULT_MEDIA_URL)
      .refine((url) => {
        try {
          parseMediaUrl(url);
          return true;
        } catch {
          return false;
        }
      }),
  ),
  MEDIA_MAX_PICTURE_MB: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .min(0.1)
      .max(1024)
      .default(DEFAULT_UPLOAD_LIMITS.pictureBytes / 1024 / 1024),
  ),
  MEDIA_MAX_VIDEO_MB: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .min(0.1)
      .max(65_536)
      .default(DEFAULT_UPLOAD_LIMITS.videoBytes / 1024 / 1024),
  ),
  REQUEST_TIMEOUT_S: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .min(0.1)
      .max(600)
      .default(DEFAULT_REQUEST_TIMEOUT_MS / 1000),
  ),
});

/** What each variable accepts, for the error that names it. */
const accepted: Record<keyof z.input<typeof envSchema>, string> = {
  PORT: "a port number (0–65535)",
  HOST: "an interface address",
  DATABASE_URL: "file:PATH, a file path, or postgres://…",
  PUBLIC_URL: "an absolute http(s) URL, such as https://news.example",
  ADMIN_TOKEN: `at least ${MIN_ADMIN_TOKEN_LENGTH} characters (make one with \`openssl rand -hex 32\`)`,
  WEB_CONCURRENCY: 'a whole number from 1, or "auto"',
  TRUST_PROXY: "true, false, or the proxies' addresses",
  LOG_REQUESTS: "0 or 1",
  RATE_LIMITS: "0 or 1",
  RENDER_CACHE_MB: "megabytes, 0 or more (0 turns the cache off)",
  CDN_PURGE_URL: "http(s) URLs, comma-separated",
  CDN_MAX_AGE: "seconds, a whole number from 1",
  REQUEST_TIMEOUT_S: "seconds, from 0.1 to 600",
  SITE_CONFIG: "the path of the site's YAML config file",
  SESSION_IDLE_MINUTES: "minutes, a whole number from 1 (a week at most)",
  SESSION_MAX_HOURS: "hours, a whole number from 1 (30 days at most)",
  MEDIA_URL: "file:PATH, a folder path, or s3://BUCKET?endpoint=URL&region=R&forcePathStyle=true",
  MEDIA_MAX_PICTURE_MB: "megabytes, from 0.1 to 1024",
  MEDIA_MAX_VIDEO_MB: "megabytes, from 0.1 to 65536",
};

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** The site's absolute origin, for canonical links, feeds and share cards. */
  publicUrl: string;
  /** The bearer token the publishing API asks for; publishing is off without one. */
  adminToken?: string;
  /** Server processes on the port (Node's cluster). */
  webConcurrency: number;
  /** `true`, or the proxies' addresses (comma-separated, CIDR allowed), whose X-Forwarded-For to believe. */
  trustProxy: boolean | string;
  /** One log line per request. */
  logRequests: boolean;
  /** Bytes of rendered pages and API answers each process keeps. */
  renderCacheBytes: number;
  /** How long a request's headers and body may take to arrive, in all; past it, 408 and the connection closed. */
  requestTimeoutMs: number;
  /** Per-client limits (search, view reports, share card renders, failed publishing auth); off only for a benchmark or behind a proxy that limits. */
  rateLimits: boolean;
  /**
   * Per-client limits counted in the store rather than in the process: whenever another process
   * (WEB_CONCURRENCY > 1) or server (PostgreSQL) may answer the same client (docs/decisions/014).
   */
  sharedLimits: boolean;
  /** A signed-in session ends after this long unused, and this long after sign-in in any case. */
  sessions: { idleMs: number; maxMs: number };
  /** Where each write's PURGE goes (docs/decisions/027); none when no CDN is told. */
  cdnPurgeUrls: string[];
  /** How long a CDN may keep pages and API answers: hours when it is purged, 10 s when not. */
  cdnMaxAgeS: number;
  /** The site's identity (name, language, colours, sections…), read and checked from SITE_CONFIG's file. */
  site: SiteConfig;
  /** Where uploads and renditions live: a folder or an S3 bucket (media/mediaStore.ts). */
  mediaUrl: string;
  /** The largest picture and video POST /api/media takes, in bytes. */
  uploadLimits: { pictureBytes: number; videoBytes: number };
}

/** The settings from an environment; throws one error naming every variable that is wrong. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]) as keyof typeof accepted;
      // A secret is never echoed into logs: only its length.
      const got = name === "ADMIN_TOKEN" ? `${env[name]?.length} characters` : JSON.stringify(env[name]);
      return `${name} must be ${accepted[name]}, got ${got}`;
    });
    throw new Error(`Dispatch cannot start: ${problems.join("; ")}`);
  }
  const vars = parsed.data;
  const databaseUrl = vars.DATABASE_URL ?? defaultStoreOf(vars.SITE_CONFIG);
  return {
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl,
    publicUrl: new URL(vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).origin,
    ...(vars.ADMIN_TOKEN ? { adminToken: vars.ADMIN_TOKEN } : {}),
    webConcurrency: vars.WEB_CONCURRENCY,
    trustProxy: vars.TRUST_PROXY,
    logRequests: vars.LOG_REQUESTS === "1",
    renderCacheBytes: Math.round(vars.RENDER_CACHE_MB * 1024 * 1024),
    requestTimeoutMs: Math.round(vars.REQUEST_TIMEOUT_S * 1000),
    rateLimits: vars.RATE_LIMITS === "1",
    sharedLimits: vars.WEB_CONCURRENCY > 1 || databaseUrl.startsWith("postgres"),
    sessions: { idleMs: vars.SESSION_IDLE_MINUTES * 60_000, maxMs: vars.SESSION_MAX_HOURS * 3_600_000 },
    cdnPurgeUrls: vars.CDN_PURGE_URL ?? [],
    // Unpurged, a CDN must learn of a write by the clock: it keeps an answer a few seconds.
    cdnMaxAgeS: vars.CDN_PURGE_URL ? vars.CDN_MAX_AGE : UNPURGED_MAX_AGE_S,
    // Its own errors name the key that is wrong (site/siteConfig.ts).
    site: readSiteConfig(vars.SITE_CONFIG),
    mediaUrl: vars.MEDIA_URL,
    uploadLimits: {
      pictureBytes: Math.round(vars.MEDIA_MAX_PICTURE_MB * 1024 * 1024),
      videoBytes: Math.round(vars.MEDIA_MAX_VIDEO_MB * 1024 * 1024),
    },
  };
}
