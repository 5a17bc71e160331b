// Several servers, one site: two Dispatch processes on one PostgreSQL. What one publishes, the
// other serves at once: each keeps the answers it rendered only while the store's version holds. Runs when TEST_DATABASE_URL names a
// PostgreSQL server (.ci/run sets it); without one, this file holds no test.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";

const postgres = process.env.TEST_DATABASE_URL;
const TOKEN = "two-servers-admin-token-0123456789abcdef";

for (const serverUrl of postgres ? [postgres] : []) {
  test("a story published and edited through one server is served by the other at once", async () => {
    const schema = `dispatch_e2e_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const databaseUrl = new URL(serverUrl);
    databaseUrl.searchParams.set("options", `-c search_path=${schema}`);
    const servers: ServerProcess[] = [];
    try {
      // Both start together on an empty schema: the migrations must run once, not twice.
      servers.push(
        ...(await Promise.all(
          [extraPort(2), extraPort(3)].map((port) =>
            startServerProcess(port, {
              DATABASE_URL: databaseUrl.href,
              ADMIN_TOKEN: TOKEN,
              PUBLIC_URL: "https://news.example",
            }),
          ),
        )),
      );
      const [one, two] = servers as [ServerProcess, ServerProcess];
      const put = (headline: string) =>
        fetch(`${one.origin}/api/stories/two-servers-story`, {
          method: "PUT",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({
            headline,
            section: "city",
            authors: [],
            tags: [],
            publishedAt: "2026-11-24T06:00:00.000Z",
            updatedAt: "2026-11-24T06:00:00.000Z",
            body: [{ type: "paragraph", text: "Written through server one." }],
          }),
        });

      expect((await put("Night market returns to the quay")).status).toBe(201);
      const read = await fetch(`${two.origin}/api/stories/two-servers-story`);
      expect((await read.json()).headline).toBe("Night market returns to the quay");

      // Server two renders and keeps the page and the list before the edit…
      for (const path of ["/stories/two-servers-story", "/api/stories?limit=1"])
        expect((await fetch(`${two.origin}${path}`)).status).toBe(200);
      expect((await put("Night market returns to the quay for the winter")).status).toBe(200);
      // …and serves the edit made through server one on its next request.
      const page = await (await fetch(`${two.origin}/stories/two-servers-story`)).text();
      expect(page).toContain("Night market returns to the quay for the winter");
      const list = await (await fetch(`${two.origin}/api/stories?limit=1`)).json();
      expect(list.items[0].headline).toBe("Night market returns to the quay for the winter");

      const removed = await fetch(`${one.origin}/api/stories/two-servers-story`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(removed.status).toBe(204);
      expect((await fetch(`${two.origin}/api/stories/two-servers-story`)).status).toBe(404);
    } finally {
      for (const server of servers) server.stop();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
}
