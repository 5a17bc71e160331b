// Health checks for a load balancer or an orchestrator, as a Fastify plugin: /healthz while the
// process runs, /readyz only while the store answers.
import type { FastifyPluginAsync } from "fastify";
import { ApiError } from "../model/apiError";
import type { StoryStore } from "../store/storyStore";
import { sendError } from "./http/errors";

export const healthRoutes: FastifyPluginAsync<{ store: StoryStore }> = async (app, { store }) => {
  app.get("/healthz", async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));
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
