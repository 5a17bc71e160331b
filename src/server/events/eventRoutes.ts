// GET /api/events: the change stream as Server-Sent Events (docs/decisions/019). Each change a
// reader can see is an event named by its kind (`story`, `entry`) with its log id (and `ready`,
// once connected, with the id the client stands at), so a client
// that reconnects (EventSource does, sending Last-Event-ID) gets what it missed, each once; a
// client too far behind gets `reset` and rereads. A comment line every `heartbeatMs` keeps
// proxies from closing an idle stream. Streams are not compressed (each event must leave at
// once) and never kept (this plugin is outside the scope of kept answers). On shutdown every
// stream ends cleanly, and the client reconnects to another process or server.
import type { Socket } from "node:net";
import { PassThrough } from "node:stream";
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from "fastify";
import { ApiError } from "../../model/apiError";
import type { LoggedChange } from "../../model/change";
import { rowNumber } from "../../model/rowNumbers";
import type { StoryStore } from "../../store/storyStore";
import { clientLimit, clientOf } from "../http/rateLimits";
import { ChangeFeed } from "./changeFeed";

export interface EventStreamOptions {
  /** A comment line on every open stream this often (15 s). */
  heartbeatMs?: number;
  /** How often the change log is read while anyone listens, besides when woken (250 ms; PostgreSQL's LISTEN wakes at once). */
  pollMs?: number;
  /** Open streams one client may hold in this process (16: a reader's tabs). */
  perClient?: number;
  /** Open streams this process holds at most (20,000). */
  maxStreams?: number;
}

export interface EventRoutesOptions extends EventStreamOptions {
  store: StoryStore;
  /** The streams open in this process (the app shares the set with /healthz, which counts them). */
  streams?: Set<PassThrough>;
}

/** What a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;
/** How long a stream ended by shutdown waits for its client to close the connection. */
const LINGER_MS = 500;
/** A stream whose client reads this far behind is ended: it reconnects and resumes from its last id. */
const MAX_UNREAD_BYTES = 256 * 1024;

/** One event in the text/event-stream format; data is JSON, so it holds no line break. */
export const eventText = (id: number, event: string, data: unknown): string =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export const eventRoutes: FastifyPluginAsync<EventRoutesOptions> = async (
  app,
  { store, streams = new Set(), heartbeatMs = 15_000, pollMs = 250, perClient = 16, maxStreams = 20_000 },
) => {
  const feed = new ChangeFeed(store, pollMs);
  /** Every connection that has carried a stream and is not closed yet (a client may hold one after its stream ended). */
  const connections = new Set<Socket>();
  const perClientOpen = new Map<string, number>();
  // Opening streams is cheap for a client and not for us: a reconnect loop meets a limit.
  const openings = clientLimit(app, {
    name: "event-streams",
    max: 120,
    windowMs: 60_000,
    message: "Too many event streams opened: wait a minute before opening another.",
  });

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": keep-alive\n\n");
  }, heartbeatMs);
  heartbeat.unref();

  app.addHook("preClose", async () => {
    clearInterval(heartbeat);
    for (const stream of streams) stream.end();
    // A connection closes once its client reads the end; one whose client does not is cut soon after.
    for (const socket of connections) setTimeout(() => socket.destroy(), LINGER_MS).unref();
    await feed.close();
  });

  app.get(
    "/api/events",
    { compress: false, exposeHeadRoute: false, onRequest: openings.hit },
    async (request, reply) => {
      const after = resumeAfter(request.headers["last-event-id"], (request.query as { after?: unknown }).after);
      const client = clientOf(request);
      if (client === null) throw new ApiError("bad_request", "The connection closed before the stream could open.");
      const open = perClientOpen.get(client) ?? 0;
      if (open >= perClient) {
        reply.header("retry-after", "10");
        throw new ApiError("too_many_requests", `At most ${perClient} event streams at once from one client.`);
      }
      if (streams.size >= maxStreams) {
        reply.header("retry-after", "5");
        throw new ApiError("busy", "This server holds as many event streams as it can: try again in a moment.");
      }

      const stream = new PassThrough();
      const send = (text: string) => {
        if (stream.writableLength > MAX_UNREAD_BYTES) stream.end();
        else stream.write(text);
      };
      streams.add(stream);
      const socket = request.raw.socket;
      if (!connections.has(socket)) {
        connections.add(socket);
        socket.once("close", () => connections.delete(socket));
      }
      perClientOpen.set(client, open + 1);
      let unsubscribe = () => {};
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        streams.delete(stream);
        const left = (perClientOpen.get(client) ?? 1) - 1;
        if (left > 0) perClientOpen.set(client, left);
        else perClientOpen.delete(client);
        unsubscribe();
      };
      reply.raw.on("close", close);
      stream.on("close", close);
      stream.write(`retry: ${RETRY_MS}\n: stream open\n\n`);
      try {
        const subscribed = await feed.subscribe(after, {
          send: (change: LoggedChange) => send(eventText(change.id, change.kind, change.data)),
          reset: (lastId) => send(eventText(lastId, "reset", {})),
        });
        unsubscribe = subscribed.unsubscribe;
        // Where the client stands, so a client that hears nothing before its stream drops still resumes from here.
        send(eventText(subscribed.cursor, "ready", {}));
      } catch (error) {
        close();
        throw error;
      }
      if (closed) unsubscribe();
      return (
        reply
          .header("content-type", "text/event-stream; charset=utf-8")
          .header("cache-control", "no-store")
          .header("x-accel-buffering", "no")
          // A stream's connection is never reused: when the stream ends (shutdown), so does the connection.
          .header("connection", "close")
          .send(stream)
      );
    },
  );
};

/** The id a client resumes after: EventSource's Last-Event-ID header, or `?after=` for a client that reconnects by hand. */
function resumeAfter(header: string | string[] | undefined, query: unknown): number | null {
  const value = typeof header === "string" && header !== "" ? header : typeof query === "string" ? query : null;
  if (value === null) return null;
  const id = rowNumber("changeId", value);
  if (id === null)
    throw new ApiError("bad_request", "Last-Event-ID (or ?after=) must be the id of an event this stream sent.");
  return id;
}

/**
 * Tells a page where the change log stood when it was made (`Server-Timing: changes;desc="ID"`),
 * so its stream starts there and misses nothing published while it was on its way. `placeOf`
 * gives the place read for the request before its answer was made or found (http/caching.ts).
 */
/** The Server-Timing entry that tells a page its place in the change log. */
export const changePlaceTiming = (place: number) => `changes;desc="${place}"`;

export function tellPagesTheirPlace(
  scope: FastifyInstance,
  placeOf: (request: FastifyRequest) => number | undefined,
): void {
  scope.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || request.url.startsWith("/api/")) return payload;
    const place = placeOf(request);
    const page = String(reply.getHeader("content-type") ?? "").startsWith("text/html") || reply.statusCode === 304;
    if (place !== undefined && page) reply.header("server-timing", changePlaceTiming(place));
    return payload;
  });
}
