// Test support: a Server-Sent Events client over fetch, reading /api/events as a browser's
// EventSource does (id, event, data, comments), one event at a time. Not part of the running app.

export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

export interface EventStreamClient {
  response: Response;
  /** The next event (comments are events named ":"), or null when the stream has ended. */
  next(): Promise<StreamEvent | null>;
  /** The next event of this type, skipping others (and comments); throws when the stream ends first. */
  nextOf(event: string): Promise<StreamEvent & { json: unknown }>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const next = async (): Promise<StreamEvent | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: StreamEvent = { event: "message", data: "" };
        const data: string[] = [];
        let comment = true;
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) continue;
          comment = false;
          const [field, ...rest] = line.split(":");
          const value = rest.join(":").replace(/^ /, "");
          if (field === "id") event.id = value;
          else if (field === "event") event.event = value;
          else if (field === "data") data.push(value);
        }
        if (comment) return { event: ":", data: block };
        if (data.length === 0 && event.id === undefined && event.event === "message") continue; // retry: only
        return { ...event, data: data.join("\n") };
      }
      const chunk = await reader?.read().catch(() => ({ done: true, value: undefined }));
      if (!chunk || chunk.done) return null;
      buffer += chunk.value;
    }
  };
  return {
    response,
    next,
    async nextOf(type) {
      for (;;) {
        const event = await next();
        if (event === null) throw new Error(`the stream ended before a ${type} event`);
        if (event.event === type) return { ...event, json: JSON.parse(event.data) };
      }
    },
    close: () => abort.abort(),
  };
}
