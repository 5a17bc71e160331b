// Scheduled stories go out at their time (docs/decisions/037): every process looks, now and then,
// for a scheduled story whose time has come, and publishes it through the store's claim, so that of
// all the processes and servers on one store exactly one publishes each story, once. It then goes
// out like any publish: its change in the change stream, its keys to kept answers and the CDN.
import type { FastifyInstance } from "fastify";
import type { StoryStore } from "../store/storyStore";

/** How often a process looks for scheduled stories due (a point read of an index when none is). */
export const SCHEDULE_POLL_MS = 1_000;

export function publishScheduledStories(
  app: FastifyInstance,
  store: StoryStore,
  now: () => Date,
  pollMs: number = SCHEDULE_POLL_MS,
): void {
  if (pollMs <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const look = () => {
    running = store.publishDue(now()).then(
      (slugs) => {
        if (slugs.length > 0) app.log.info({ published: slugs }, "scheduled stories published");
      },
      (error: unknown) => app.log.error({ err: error }, "publishing scheduled stories failed"),
    );
  };
  app.addHook("onListen", async () => {
    look();
    timer = setInterval(() => {
      void running.then(look);
    }, pollMs);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
  });
}
