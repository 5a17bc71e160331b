// Edits that don't collide (docs/decisions/037): two editors load the same story, both change it and
// save in turn, each naming the version they loaded (If-Match). The second is refused with 412 and
// the story as it is now, and nothing of the first's edit is lost. A write without If-Match goes
// ahead as it always has. Real server, both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

describe.each(testEngines)("two editors on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: TEST_TOKEN });
  });
  afterAll(() => server.close());

  /** An editor's save: the story as edited, naming the version it was loaded at (or none). */
  const save = (slug: string, story: unknown, ifMatch?: string) =>
    fetch(`${server.url}/api/stories/${slug}`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${TEST_TOKEN}`,
        ...(ifMatch ? { "if-match": ifMatch } : {}),
      },
      body: JSON.stringify(story),
    });
  /** An editor loads a story: what readers get from the API, and its ETag. */
  const load = async (slug: string) => {
    const response = await fetch(`${server.url}/api/stories/${slug}`);
    expect(response.status).toBe(200);
    return { story: await response.json(), etag: response.headers.get("etag") ?? "" };
  };

  it("refuses the second of two saves of one version (412 with the current story), by ETag", async () => {
    const slug = "harbour-wall-repairs";
    expect((await save(slug, storyDraft({ headline: "Harbour wall repairs begin" }))).status).toBe(201);
    const ana = await load(slug);
    const ben = await load(slug);
    expect(ana.etag).toMatch(/^W\/"/);

    const anas = await save(slug, { ...ana.story, deck: "Ana's deck: the work takes a month." }, ana.etag);
    expect(anas.status).toBe(200);
    const bens = await save(slug, { ...ben.story, headline: "Harbour wall repairs start" }, ben.etag);
    expect(bens.status).toBe(412);
    const refused = await bens.json();
    expect(refused.error.code).toBe("version_mismatch");
    expect(refused.current.story.deck).toBe("Ana's deck: the work takes a month.");
    expect(refused.current.revision).toBe(2);

    // What readers see is Ana's edit, whole; Ben saves again from the current version, and it goes.
    const now = await load(slug);
    expect(now.story).toMatchObject({
      headline: "Harbour wall repairs begin",
      deck: "Ana's deck: the work takes a month.",
    });
    expect(now.etag).toBe(refused.current.etag);
    const again = await save(slug, { ...refused.current.story, headline: "Harbour wall repairs start" }, now.etag);
    expect(again.status).toBe(200);
    expect((await load(slug)).story).toMatchObject({
      headline: "Harbour wall repairs start",
      deck: "Ana's deck: the work takes a month.",
    });
  });

  it("takes a revision number as the version, for drafts too; without If-Match a save goes ahead", async () => {
    const slug = "budget-vote-draft";
    const created = await save(slug, storyDraft({ headline: "Budget vote set for Tuesday", status: "draft" }));
    expect(created.status).toBe(201);
    const { revision } = await created.json();
    expect(revision).toBe(1);

    // Both editors saw revision 1; they save at once. One goes, the other is refused.
    const [one, two] = await Promise.all([
      save(slug, storyDraft({ headline: "Budget vote set for Tuesday night", status: "draft" }), `"${revision}"`),
      save(slug, storyDraft({ headline: "Budget vote moved to Wednesday", status: "draft" }), `"${revision}"`),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 412]);
    const loser = one.status === 412 ? one : two;
    const body = await loser.json();
    expect(body.current.revision).toBe(2);
    expect(body.current.held.story.headline).toMatch(/^Budget vote (set for Tuesday night|moved to Wednesday)$/);

    // Automation without If-Match writes as ever.
    const blind = await save(slug, storyDraft({ headline: "Budget vote: the final text", status: "draft" }));
    expect(blind.status).toBe(200);
    expect((await blind.json()).revision).toBe(3);
    const stale = await save(slug, storyDraft({ status: "draft" }), '"2"');
    expect(stale.status).toBe(412);
    // `*` asks only that there be a story to edit, published or not.
    expect((await save(slug, storyDraft({ headline: "Budget vote: as passed", status: "draft" }), "*")).status).toBe(
      200,
    );
    const nothing = await save("no-budget-story-yet", storyDraft({ status: "draft" }), "*");
    expect(nothing.status).toBe(412);
    expect((await nothing.json()).current).toEqual({ revision: 0 });
  });
});
