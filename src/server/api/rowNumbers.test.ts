// Numbers in URLs that name rows (entry ids, revision numbers, change ids), against the real server
// on each engine: one past what the column holds is a 400 or a 404 like any number that names
// nothing, never a 500, and leaves no error in the log (model/rowNumbers.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTEGER_COLUMN_MAX } from "../../model/rowNumbers";
import { testEngines } from "../../store/testDatabases";
import { LIVE_SLUG, writeLiveStory } from "../../test/liveStory";
import { apiRequest, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const ERROR_LEVEL = 50;
const PAST = String(INTEGER_COLUMN_MAX + 1);
const LAST = String(INTEGER_COLUMN_MAX);

describe.each(testEngines)("numbers past their column on %s", (engine) => {
  let server: TestServer;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      engine,
      adminToken: TEST_TOKEN,
      logStream: { write: (line) => (JSON.parse(line).level >= ERROR_LEVEL ? errors.push(line) : undefined) },
    });
    await writeLiveStory(server.store);
  });
  afterAll(() => server.close());

  const entry = JSON.stringify({ body: [{ type: "paragraph", text: "An update." }] });
  const cases: [string, string, string, number][] = [
    ["an older page of entries", "GET", `/api/stories/${LIVE_SLUG}/entries?before=${PAST}`, 400],
    ["the live page's older entries", "GET", `/stories/${LIVE_SLUG}?before=${PAST}`, 404],
    ["an entry to replace", "PUT", `/api/stories/${LIVE_SLUG}/entries/${PAST}`, 404],
    ["an entry to delete", "DELETE", `/api/stories/${LIVE_SLUG}/entries/${PAST}`, 404],
    ["a revisions cursor", "GET", `/api/stories/${LIVE_SLUG}/revisions?cursor=${PAST}`, 400],
    ["a change stream resumed past any change", "GET", "/api/events?after=9007199254740992", 400],
    // The largest number the column holds is asked of the store, and names nothing.
    ["the last entry id a column holds, as a cursor", "GET", `/api/stories/${LIVE_SLUG}/entries?before=${LAST}`, 400],
    ["the last entry id a column holds, replaced", "PUT", `/api/stories/${LIVE_SLUG}/entries/${LAST}`, 404],
    ["the last entry id a column holds, deleted", "DELETE", `/api/stories/${LIVE_SLUG}/entries/${LAST}`, 404],
  ];

  it.each(cases)("%s (%s %s) is a %i, with no error logged", async (_name, method, path, status) => {
    const response = await apiRequest(server.url, method, path, method === "PUT" ? entry : undefined);
    expect(response.status).toBe(status);
    if (!path.startsWith("/stories/")) expect((await response.json()).error.code).toEqual(expect.any(String));
    else await response.text();
    expect(errors).toEqual([]);
  });

  it("still pages revisions from the last number a column holds", async () => {
    const response = await apiRequest(server.url, "GET", `/api/stories/${LIVE_SLUG}/revisions?cursor=${LAST}`);
    expect(response.status).toBe(200);
    expect((await response.json()).items).toHaveLength(1);
  });
});
