// "Most read": story pages report a view (navigator.sendBeacon to POST /api/views, no cookies);
// views are counted per story and hour in the store, and GET /api/most-read ranks the last 24 hours.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { ApiError } from "../../model/apiError";
import { slugSchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { StoryStore } from "../../store/storyStore";

const viewSchema = z.strictObject({ slug: slugSchema });
/** Views one client may report a minute; more is not a reader. */
const VIEWS_PER_MINUTE = 30;
/** Clients remembered per process: bounds the memory the limits take. */
const MAX_CLIENTS = 50_000;

/**
 * Per client (address): one counted view per story and hour, and a few views a minute. Kept in
 * the process (a client is counted by each process it reaches at most once an hour): no reader
 * state ever goes to the store.
 */
class ViewLimits {
  #seen = new Set<string>();
  #minute = new Map<string, number>();
  #hour = "";
  #minuteKey = "";

  admit(client: string, slug: string, now: Date): "count" | "repeat" | "too-many" {
    const hour = now.toISOString().slice(0, 13);
    const minute = now.toISOString().slice(0, 16);
    if (hour !== this.#hour || this.#seen.size > MAX_CLIENTS * 4) [this.#hour, this.#seen] = [hour, new Set()];
    if (minute !== this.#minuteKey || this.#minute.size > MAX_CLIENTS)
      [this.#minuteKey, this.#minute] = [minute, new Map()];
    const recent = (this.#minute.get(client) ?? 0) + 1;
    this.#minute.set(client, recent);
    if (recent > VIEWS_PER_MINUTE) return "too-many";
    const key = `${client} ${slug}`;
    if (this.#seen.has(key)) return "repeat";
    this.#seen.add(key);
    return "count";
  }
}

export interface ViewRoutesOptions {
  store: StoryStore;
  reader: StoryApi;
  /** The clock: views are counted per hour. */
  now: () => Date;
}

/** POST /api/views and GET /api/most-read; the beacon's text/plain parser stays in this plugin's scope. */
export const viewRoutes: FastifyPluginAsync<ViewRoutesOptions> = async (app, { store, reader, now }) => {
  const limits = new ViewLimits();
  // sendBeacon may send its JSON as text/plain.
  app.addContentTypeParser("text/plain", { parseAs: "string", bodyLimit: 1024 }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new ApiError("bad_request", 'The body must be JSON: { "slug": "…" }.'));
    }
  });

  app.post("/api/views", { bodyLimit: 1024 }, async (request, reply) => {
    const view = viewSchema.safeParse(request.body);
    if (!view.success) throw new ApiError("bad_request", 'The body must be { "slug": "…" } with a story slug.');
    const at = now();
    const verdict = limits.admit(request.ip, view.data.slug, at);
    if (verdict === "too-many") throw new ApiError("too_many_views", "Too many views from this client; try later.");
    if (verdict === "count" && !(await store.countView(view.data.slug, at)))
      throw new ApiError("story_not_found", `There is no story at ${view.data.slug}.`);
    return reply.code(204).send();
  });

  app.get("/api/most-read", async () => reader.mostRead());
};
