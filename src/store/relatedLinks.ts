// Related headlines, indexed, so that linking them costs the same at any archive size. Every
// inline related block has a row in related_links (its owner, its place in the body, its
// normalised headline, the story it links or null); every story's headline is indexed by its
// normalised form and by its words. A save then touches only what it changes: the saved stories'
// own blocks, and the unlinked blocks elsewhere that may name a saved story. Every function runs
// inside the caller's transaction.
import type { Transaction } from "kysely";
import { storyKey } from "../model/dependencies";
import { matchWords, normalizeHeadline } from "../model/headlineMatch";
import type { Block } from "../model/story";
import { type Database, readBody } from "./schema";
import { touch } from "./touchedKeys";

type Trx = Transaction<Database>;

/** Finds the slug of the story a headline names, among the stories given; undefined when none does. */
export type HeadlineResolver = (headline: string, stories: { slug: string; headline: string }[]) => string | undefined;

/** Keeps a story's headline findable: its normalised form (a column) and its words (rows). */
export async function indexHeadline(trx: Trx, slug: string, headline: string): Promise<void> {
  await trx.deleteFrom("headline_words").where("story_slug", "=", slug).execute();
  const { words } = matchWords(headline);
  if (words.length > 0)
    await trx
      .insertInto("headline_words")
      .values(words.map((word) => ({ word, story_slug: slug })))
      .execute();
}

/**
 * The stories a headline may name: those with the same normalised headline, else every story
 * that shares one of the headline's rarest words, which any story similar enough must
 * (matchWords says why). The resolver then picks among them exactly as among all stories.
 */
async function candidates(trx: Trx, headline: string): Promise<{ slug: string; headline: string }[]> {
  const key = normalizeHeadline(headline);
  if (!key) return [];
  const exact = await trx.selectFrom("stories").select(["slug", "headline"]).where("headline_key", "=", key).execute();
  if (exact.length > 0) return exact;
  const { words, needed } = matchWords(headline);
  const counts = await trx
    .selectFrom("headline_words")
    .select((eb) => ["word", eb.fn.countAll<number | string>().as("stories")])
    .where("word", "in", words)
    .groupBy("word")
    .execute();
  const frequency = new Map(counts.map((row) => [row.word, Number(row.stories)]));
  const rarest = [...words]
    .sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0))
    .slice(0, words.length - needed + 1)
    .filter((word) => frequency.has(word));
  if (rarest.length === 0) return [];
  return trx
    .selectFrom("stories")
    .select(["slug", "headline"])
    .where("slug", "in", (eb) => eb.selectFrom("headline_words").select("story_slug").where("word", "in", rarest))
    .execute();
}

/** The story a related headline in `owner` names, never the owner itself. */
async function resolveHeadline(trx: Trx, headline: string, owner: string, resolve: HeadlineResolver) {
  const slug = resolve(headline, await candidates(trx, headline));
  return slug === owner ? undefined : slug;
}

/** Whether a slug leads to a story: a story's own, or one it moved from. */
async function leadsToStory(trx: Trx, slug: string): Promise<boolean> {
  const story = await trx.selectFrom("stories").select("slug").where("slug", "=", slug).executeTakeFirst();
  if (story) return true;
  return Boolean(
    await trx.selectFrom("slug_redirects").select("from_slug").where("from_slug", "=", slug).executeTakeFirst(),
  );
}

/**
 * Indexes the related blocks of a story just written, keeping its links honest: a link to a slug
 * that leads nowhere becomes plain text (never a dead link), and with a resolver an unlinked
 * headline that names a story is linked. Rewrites the story's body when a link changed; returns
 * how many headlines it linked.
 */
export async function indexOwnLinks(trx: Trx, owner: string, resolve?: HeadlineResolver): Promise<number> {
  const row = await trx.selectFrom("stories").select("body_json").where("slug", "=", owner).executeTakeFirst();
  if (!row) return 0;
  await trx.deleteFrom("related_links").where("owner_slug", "=", owner).execute();
  const body = readBody(row.body_json);
  let linked = 0;
  const next: Block[] = [];
  const links = [];
  for (const [position, block] of body.entries()) {
    if (block.type !== "related") {
      next.push(block);
      continue;
    }
    let target = block.slug && (await leadsToStory(trx, block.slug)) ? block.slug : undefined;
    if (!target && resolve) {
      target = await resolveHeadline(trx, block.headline, owner, resolve);
      if (target) linked += 1;
    }
    const { slug: _old, ...unlinked } = block;
    next.push(target ? { ...unlinked, slug: target } : unlinked);
    links.push({
      owner_slug: owner,
      position,
      headline: block.headline,
      headline_key: normalizeHeadline(block.headline),
      target_slug: target ?? null,
    });
  }
  if (links.length > 0) await trx.insertInto("related_links").values(links).execute();
  const json = JSON.stringify(next);
  if (json !== row.body_json)
    await trx.updateTable("stories").set({ body_json: json }).where("slug", "=", owner).execute();
  return linked;
}

/**
 * Links the unlinked related headlines elsewhere that name this story now: those with its exact
 * normalised headline (by index) and those similar enough to it (compared one by one: unlinked
 * headlines are few, the ones no story has answered yet). Each is resolved among all stories, so
 * a headline that another story matches as well stays unlinked. Returns how many it linked.
 */
export async function linkWaitingHeadlines(
  trx: Trx,
  story: { slug: string; headline: string },
  resolve: HeadlineResolver,
): Promise<number> {
  const waiting = await trx
    .selectFrom("related_links")
    .select(["owner_slug", "position", "headline"])
    .where("target_slug", "is", null)
    .where("owner_slug", "!=", story.slug)
    .execute();
  let linked = 0;
  for (const link of waiting) {
    if (resolve(link.headline, [story]) !== story.slug) continue;
    const target = await resolveHeadline(trx, link.headline, link.owner_slug, resolve);
    if (!target) continue;
    await setLinkTarget(trx, link.owner_slug, link.position, target);
    linked += 1;
  }
  return linked;
}

/** Points every link to `from` at `to` (null: unlinks them), in the index and in the owners' bodies. */
export async function retargetLinks(trx: Trx, from: string[], to: string | null): Promise<void> {
  if (from.length === 0) return;
  const links = await trx
    .selectFrom("related_links")
    .select(["owner_slug", "position"])
    .where("target_slug", "in", from)
    .execute();
  for (const link of links) await setLinkTarget(trx, link.owner_slug, link.position, to);
}

async function setLinkTarget(trx: Trx, owner: string, position: number, target: string | null): Promise<void> {
  // The owner's related block now links elsewhere (or nowhere): its answers change.
  touch(trx, storyKey(owner));
  await trx
    .updateTable("related_links")
    .set({ target_slug: target })
    .where("owner_slug", "=", owner)
    .where("position", "=", position)
    .execute();
  const row = await trx.selectFrom("stories").select("body_json").where("slug", "=", owner).executeTakeFirstOrThrow();
  const body = readBody(row.body_json).map((block, index) => {
    if (index !== position || block.type !== "related") return block;
    const { slug: _old, ...unlinked } = block;
    return target ? { ...unlinked, slug: target } : unlinked;
  });
  await trx
    .updateTable("stories")
    .set({ body_json: JSON.stringify(body) })
    .where("slug", "=", owner)
    .execute();
}
