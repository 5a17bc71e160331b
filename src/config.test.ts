import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, readConfig } from "./config";

describe("readConfig", () => {
  it("runs with nothing set: SQLite under ./data, port 3000, one process, logs on, publishing off", () => {
    expect(readConfig({})).toEqual({
      port: 3000,
      host: "0.0.0.0",
      databaseUrl: DEFAULT_DATABASE_URL,
      publicUrl: "http://localhost:3000",
      webConcurrency: 1,
      trustProxy: false,
      logRequests: true,
      renderCacheBytes: 64 * 1024 * 1024,
      requestTimeoutMs: 20_000,
      rateLimits: true,
      sharedLimits: false,
      // Signed-in sessions: two hours idle, twelve in all.
      sessions: { idleMs: 7_200_000, maxMs: 43_200_000 },
      // No CDN told of writes: one may keep an answer 10 s.
      cdnPurgeUrls: [],
      cdnMaxAgeS: 10,
      // The demo's site (content/site.yaml).
      site: expect.objectContaining({ name: "Dispatch", language: "en", locale: "en-GB", timeZone: "UTC" }),
      mediaUrl: "file:./data/media",
      uploadLimits: { pictureBytes: 25 * 1024 * 1024, videoBytes: 500 * 1024 * 1024 },
    });
  });

  it("gives another site a store of its own when DATABASE_URL is unset, named after its config", () => {
    expect(readConfig({ SITE_CONFIG: "content/demo-ar/site.yaml" }).databaseUrl).toBe("file:./data/demo-ar.db");
    expect(readConfig({ SITE_CONFIG: "src/test/site/faro.yaml" }).databaseUrl).toBe("file:./data/faro.db");
    expect(readConfig({ SITE_CONFIG: "content/site.yaml" }).databaseUrl).toBe(DEFAULT_DATABASE_URL);
    // A store named outright is the store, whatever the site.
    expect(readConfig({ SITE_CONFIG: "content/demo-ar/site.yaml", DATABASE_URL: "file:./x.db" }).databaseUrl).toBe(
      "file:./x.db",
    );
  });

  it("reads every variable", () => {
    const config = readConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATABASE_URL: "postgres://dispatch@db:5432/news",
      PUBLIC_URL: "https://news.example/",
      ADMIN_TOKEN: "0123456789abcdef0123456789abcdef-long",
      WEB_CONCURRENCY: "3",
      TRUST_PROXY: "10.0.0.0/8,192.168.1.1",
      LOG_REQUESTS: "0",
      RATE_LIMITS: "0",
      RENDER_CACHE_MB: "0.5",
      REQUEST_TIMEOUT_S: "2.5",
      CDN_PURGE_URL: "http://varnish-a:6081/, http://varnish-b:6081/",
      CDN_MAX_AGE: "3600",
      SITE_CONFIG: "src/test/site/faro.yaml",
      SESSION_IDLE_MINUTES: "30",
      SESSION_MAX_HOURS: "8",
      MEDIA_URL: "s3://news-media?endpoint=http://minio:9000&region=eu-west-1&forcePathStyle=true",
      MEDIA_MAX_PICTURE_MB: "2",
      MEDIA_MAX_VIDEO_MB: "0.5",
    });
    expect(config).toEqual({
      port: 8080,
      host: "127.0.0.1",
      databaseUrl: "postgres://dispatch@db:5432/news",
      publicUrl: "https://news.example",
      adminToken: "0123456789abcdef0123456789abcdef-long",
      webConcurrency: 3,
      trustProxy: "10.0.0.0/8,192.168.1.1",
      logRequests: false,
      renderCacheBytes: 524_288,
      requestTimeoutMs: 2_500,
      rateLimits: false,
      sharedLimits: true,
      sessions: { idleMs: 1_800_000, maxMs: 28_800_000 },
      cdnPurgeUrls: ["http://varnish-a:6081/", "http://varnish-b:6081/"],
      cdnMaxAgeS: 3600,
      site: expect.objectContaining({ name: "El Faro del Puerto", language: "es-MX", locale: "es-MX" }),
      mediaUrl: "s3://news-media?endpoint=http://minio:9000&region=eu-west-1&forcePathStyle=true",
      uploadLimits: { pictureBytes: 2 * 1024 * 1024, videoBytes: 524_288 },
    });
  });

  it("stops on a site config that is not there, naming the file", () => {
    expect(() => readConfig({ SITE_CONFIG: "content/no-such-site.yaml" })).toThrow(
      /site config content\/no-such-site\.yaml: ENOENT/,
    );
  });

  it("takes an empty variable as unset, and PUBLIC_URL's default follows PORT", () => {
    expect(readConfig({ PORT: "4000", PUBLIC_URL: "", ADMIN_TOKEN: "" })).toMatchObject({
      publicUrl: "http://localhost:4000",
    });
    expect(readConfig({ ADMIN_TOKEN: "" })).not.toHaveProperty("adminToken");
    expect(readConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(readConfig({ WEB_CONCURRENCY: "auto" }).webConcurrency).toBeGreaterThanOrEqual(1);
  });

  it("counts per-client limits in the store whenever another process or server may answer", () => {
    expect(readConfig({}).sharedLimits).toBe(false);
    expect(readConfig({ DATABASE_URL: "file:/tmp/x.db", WEB_CONCURRENCY: "1" }).sharedLimits).toBe(false);
    expect(readConfig({ WEB_CONCURRENCY: "2" }).sharedLimits).toBe(true);
    expect(readConfig({ DATABASE_URL: "postgresql://db/news" }).sharedLimits).toBe(true);
  });

  it("refuses wrong values with one error naming each variable, what it takes and what it got", () => {
    const wrong = { PORT: "eighty", PUBLIC_URL: "ftp://news.example", WEB_CONCURRENCY: "0", LOG_REQUESTS: "yes" };
    expect(() => readConfig(wrong)).toThrow(
      'Dispatch cannot start: PORT must be a port number (0–65535), got "eighty"; ' +
        'PUBLIC_URL must be an absolute http(s) URL, such as https://news.example, got "ftp://news.example"; ' +
        'WEB_CONCURRENCY must be a whole number from 1, or "auto", got "0"; LOG_REQUESTS must be 0 or 1, got "yes"',
    );
    expect(() => readConfig({ DATABASE_URL: "mysql://db/news" })).toThrow(/DATABASE_URL must be file:PATH/);
    for (const url of [
      "ftp://media.example/x",
      "s3://A_Bucket",
      "s3://news-media?endpoint=nowhere",
      "s3://news-media?bucket=x",
    ])
      expect(() => readConfig({ MEDIA_URL: url }), url).toThrow(
        /MEDIA_URL must be file:PATH, a folder path, or s3:\/\//,
      );
    expect(() => readConfig({ MEDIA_MAX_PICTURE_MB: "0" })).toThrow(/MEDIA_MAX_PICTURE_MB must be megabytes/);
  });

  it("refuses an ADMIN_TOKEN shorter than 32 characters, says how to make one, and never prints it", () => {
    const refuse = (token: string) => () => readConfig({ ADMIN_TOKEN: token });
    expect(refuse("secret")).toThrow(
      "Dispatch cannot start: ADMIN_TOKEN must be at least 32 characters (make one with `openssl rand -hex 32`), got 6 characters",
    );
    expect(refuse("x".repeat(31))).toThrow(/ADMIN_TOKEN .*openssl rand -hex 32/);
    expect(refuse("secret")).not.toThrow(/secret/);
    expect(readConfig({ ADMIN_TOKEN: "x".repeat(32) }).adminToken).toBe("x".repeat(32));
  });
});
