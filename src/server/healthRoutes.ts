// Health checks for a load balancer or an orchestrator, as a Fastify plugin: /healthz while the
// process runs (with the number of change streams it holds open, for operators and tests),
// /readyz only while the store answers.
import type { FastifyPluginAsync } from "fastify";
import { ApiError } from "../model/apiError";
import type { StoryStore } from "../store/storyStore";
import { sendError } from "./http/errors";

export interface HealthRoutesOptions {
  store: StoryStore;
  /** How many change streams (GET /api/events) this process holds open. */
  eventStreams: () => number;
}

export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { store, eventStreams }) => {
  app.get("/healthz", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ status: "ok", eventStreams: eventStreams() }),
  );
  app.get("/readyz", async (_request, reply) => {
    reply.header("cache-control", "no-store");
    try {
      await store.ping();
      return { status: "ready" };
    } catch {
      return sendError(reply, new ApiError("store_unreachable", "The story store does not answer."));
    }
  });
};
