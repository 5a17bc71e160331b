// Tells a CDN what a write changed (docs/decisions/027): after each write through this process
// commits, a `PURGE` with an `xkey` header listing the changed dependency keys goes to every URL
// of CDN_PURGE_URL (Varnish with the xkey vmod: deploy/varnish/default.vcl; answers carry the
// same keys as Surrogate-Key). The write waits for the first try, so the writer's next read
// through the CDN is fresh; a failed try is tried again in the background, and one that never
// succeeds is logged with its keys, never dropped in silence.

/** Waits before each try after the first. */
const RETRY_DELAYS_MS = [500, 2_000, 8_000];
/** A try that takes longer than this has failed. */
const TRY_TIMEOUT_MS = 2_000;
/** Keys per PURGE: a header line stays well inside a proxy's limits (Varnish's is 8 KB). */
const MAX_HEADER_BYTES = 4_000;

export interface CdnPurgeOptions {
  /** Where purges go: each CDN node's (or the CDN's purge endpoint's) URL. */
  urls: string[];
  /** Reports a purge that failed every try (the server's error log). */
  onFailure: (failure: { url: string; keys: string[]; error: string }) => void;
  /** Waits between tries (tests shorten them). */
  retryDelaysMs?: number[];
}

/** The keys, in PURGE-sized groups. */
export function keyGroups(keys: string[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let bytes = 0;
  for (const key of keys) {
    if (group.length > 0 && bytes + key.length + 1 > MAX_HEADER_BYTES) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(key);
    bytes += key.length + 1;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

async function purgeOnce(url: string, keys: string[]): Promise<void> {
  const response = await fetch(url, {
    method: "PURGE",
    headers: { xkey: keys.join(" ") },
    signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
}

/** A function that purges these keys at every URL: resolves after the first try of each. */
export function cdnPurger({
  urls,
  onFailure,
  retryDelaysMs = RETRY_DELAYS_MS,
}: CdnPurgeOptions): (keys: string[]) => Promise<void> {
  const purge = async (url: string, keys: string[]) => {
    let error: unknown;
    try {
      return await purgeOnce(url, keys);
    } catch (e) {
      error = e;
    }
    // The writer goes on; the purge keeps trying behind it.
    void (async () => {
      for (const delay of retryDelaysMs) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        try {
          return await purgeOnce(url, keys);
        } catch (e) {
          error = e;
        }
      }
      onFailure({ url, keys, error: error instanceof Error ? error.message : String(error) });
    })();
  };
  return async (keys) => {
    await Promise.all(keyGroups(keys).flatMap((group) => urls.map((url) => purge(url, group))));
  };
}
