// Which methods a path answers, for 405 Method Not Allowed with its `Allow` header: Fastify itself
// answers 404 to a wrong method. Every route added to the app is recorded in a router of its own
// (find-my-way, the one Fastify matches with), so a path is matched exactly as Fastify would.
// A catch-all that only says "nothing here" (`config: { fallback: true }`) does not count.
import type { FastifyInstance } from "fastify";
import FindMyWay from "find-my-way";

type Method = FindMyWay.HTTPMethod;

export interface RouteTable {
  /** The methods with a route for this path, sorted; empty when it names nothing. */
  allowed(path: string): string[];
}

/** Records every route added from now on (add it before any route). */
export function recordRoutes(app: FastifyInstance, maxParamLength: number): RouteTable {
  const router = FindMyWay({ maxParamLength });
  const methods = new Set<Method>();
  const added = new Set<string>();
  app.addHook("onRoute", (route) => {
    const fallback = (route.config as { fallback?: boolean } | undefined)?.fallback === true;
    for (const method of [route.method].flat() as Method[]) {
      const key = `${method} ${route.url}`;
      if (added.has(key)) continue;
      added.add(key);
      methods.add(method);
      router.on(method, route.url, () => undefined, { fallback });
    }
  });
  return {
    allowed(path) {
      return [...methods].filter((method) => router.find(method, path)?.store.fallback === false).sort();
    },
  };
}
