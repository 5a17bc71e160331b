// The change stream under load: what idle event streams cost a server process in memory, and how
// long a change written through one server takes to reach a reader connected to another.
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { type Latency, percentile } from "./measure.ts";

/** A process's resident memory in MB (Linux /proc). */
const residentMb = (pid: number): number => {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(line?.[1] ?? 0) / 1024;
};

/** Opens one stream as its own client (X-Forwarded-For; the server trusts the proxy) and resolves once it is ready. */
function openStream(origin: string, client: number): Promise<Socket> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let seen = "";
    const address = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
    socket.once("error", reject);
    socket.on("data", (chunk) => {
      seen += chunk.toString();
      if (seen.includes("event: ready")) {
        seen = "";
        socket.removeAllListeners("data");
        socket.resume();
        resolve(socket);
      } else if (/^HTTP\/1\.1 [45]/.test(seen)) reject(new Error(seen.split("\r\n")[0]));
    });
    socket.write(`GET /api/events HTTP/1.1\r\nHost: ${hostname}\r\nX-Forwarded-For: ${address}\r\n\r\n`);
  });
}

export interface IdleStreams {
  count: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** Resident memory per open stream, in KB. */
  perStreamKb: number;
}

/** Opens `count` idle streams to one server process, 200 at a time, and reads its memory before and after. */
export async function idleStreams(origin: string, pid: number, count: number): Promise<IdleStreams> {
  const rssBeforeMb = residentMb(pid);
  const sockets: Socket[] = [];
  try {
    for (let opened = 0; opened < count; opened += 200) {
      const batch = Array.from({ length: Math.min(200, count - opened) }, (_, i) => openStream(origin, opened + i + 1));
      sockets.push(...(await Promise.all(batch)));
    }
    // Held idle a moment (a heartbeat may pass), then measured.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const rssAfterMb = residentMb(pid);
    return { count, rssBeforeMb, rssAfterMb, perStreamKb: ((rssAfterMb - rssBeforeMb) * 1024) / count };
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

/**
 * Edits one story `n` times through `writer`, each time timing from the PUT's start to the `story`
 * event arriving on a stream open at `reader`.
 */
export async function changeLatency(writer: string, reader: string, token: string, n: number): Promise<Latency> {
  const response = await fetch(`${reader}/api/events`);
  const events = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!events) throw new Error("no event stream");
  let buffer = "";
  const heard = async (updatedAt: string) => {
    for (;;) {
      if (buffer.includes(`"updatedAt":"${updatedAt}"`)) {
        buffer = buffer.slice(buffer.indexOf(`"updatedAt":"${updatedAt}"`) + 10);
        return;
      }
      const { value, done } = await events.read();
      if (done) throw new Error("the stream ended");
      buffer += value;
    }
  };
  const times: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < n; i++) {
      // A pause of up to 300 ms first, so edits do not fall in step with the reader's polling.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
      const updatedAt = new Date(Date.UTC(2026, 10, 27, 12, 0, i)).toISOString();
      const started = performance.now();
      const put = await fetch(`${writer}/api/stories/bench-change-latency`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          headline: `Bench edit ${i}`,
          section: "city",
          authors: [],
          tags: [],
          publishedAt: "2026-11-27T12:00:00.000Z",
          updatedAt,
          body: [{ type: "paragraph", text: `Edit number ${i}.` }],
        }),
      });
      if (put.status >= 300) {
        failures += 1;
        continue;
      }
      await heard(updatedAt);
      times.push(performance.now() - started);
    }
  } finally {
    await events.cancel().catch(() => {});
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length, failures };
}
