// Hearing other servers' writes on PostgreSQL: one connection of its own per process LISTENs on
// the change channel (store/changes.ts) and wakes the event stream when a write to this store's
// schema commits. A lost connection is opened again after a pause; what was written meanwhile is
// not lost, only heard late: the stream also polls the change log now and then (server/events/).
import pg from "pg";
import { CHANGE_CHANNEL } from "./changes";
import type { ChangeListener } from "./storyStore";

const RECONNECT_MS = 1_000;

export function postgresChangeListener(databaseUrl: string, schema: string): ChangeListener {
  return (wake) => {
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;

    const connect = async () => {
      if (stopped) return;
      const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
      const lost = () => {
        if (client !== next) return;
        client = null;
        next.end().catch(() => {});
        if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
      };
      next.on("error", lost);
      next.on("end", lost);
      next.on("notification", (message) => {
        if (message.channel === CHANGE_CHANNEL && message.payload === schema) wake();
      });
      client = next;
      try {
        await next.connect();
        await next.query(`listen ${CHANGE_CHANNEL}`);
        // Anything written while this connection was down is read now.
        wake();
      } catch {
        lost();
      }
    };
    void connect();

    return async () => {
      stopped = true;
      clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    };
  };
}
