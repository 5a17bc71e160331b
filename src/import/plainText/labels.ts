// The roles of a labelled page's units, from its .expected lines alone (for training a reader on real
// pages, train.ts): the reader gathers the page's lines into units as it always does, and each unit
// after the headline is given the role whose output is the expected line it matches: a paragraph's
// text, a quote's, a heading's, a related headline (with or without its label), a deck, a cite, a
// caption, a picture's address, a byline holding an expected author's name, the date line of the
// expected time. Text that matches no expected line is dropped furniture; a unit whose text lies
// within an expected line, or holds one (lines gathered wrongly), takes that line's role. A video
// is a lead-in when its paragraph is right before it in the expected lines, else the player's
// leftovers between the lines matched before and after it. The hand weights' reading is used only
// to gather the units (below the headline the header finder given chooses: train.ts gives the
// importer's, so the units are those the importer reads) and, among units that match nothing, to tell which ones in a video's place
// are the player's, or which dropped unit is an embed's marker rather than furniture (both dropped).
import type { Block } from "../../model/story";
import { readDateline } from "./credits";
import { BULLET, imageMarker, relatedLabel } from "./cues";
import type { Role } from "./features";
import type { HeaderFinder } from "./headerFinder";
import { pageZone } from "./pageZone";
import { readUnits, type Unit } from "./reader";
import type { PlainTextStory } from "./story";
import { scoreRoles } from "./weights";

interface Item {
  role: Role;
  text: string;
  /** Index in the expected lines' order. */
  at: number;
}

export interface LabelledPage {
  /** The units of the page, as the hand reading gathers them (the headline's among them). */
  units: Unit[];
  /** Per unit after the headline, in order: its role (undefined for a unit that is the expected headline or kicker). */
  roles: (Role | undefined)[];
  /** How the roles were found: matched a line whole, lay within or held one, or matched nothing (dropped). */
  how: { whole: number; part: number; dropped: number; video: number };
}

const DASH = /^[—–-]\s*/u;
const plain = (text: string) => text.replace(/\s+/gu, " ").trim();

/** The expected story's lines as items with the role that writes each. */
function itemsOf(story: PlainTextStory): Item[] {
  const items: Item[] = [];
  const push = (role: Role, text: string) => items.push({ role, text: plain(text), at: items.length });
  if (story.deck !== undefined) push("deck", story.deck);
  const blocks: Block[] = story.body;
  for (const [index, block] of blocks.entries()) {
    if (block.type === "paragraph") push(blocks[index + 1]?.type === "video" ? "videoLeadIn" : "paragraph", block.text);
    else if (block.type === "heading") push("heading", block.text);
    else if (block.type === "quote") {
      push("quote", block.text);
      if (block.cite !== undefined) push("cite", block.cite);
    } else if (block.type === "related") push("related", block.headline);
    else if (block.type === "image") {
      push("image", block.src);
      if (block.caption !== undefined) push("caption", block.caption);
    } else if (block.type === "video" && blocks[index - 1]?.type !== "paragraph") push("videoPlayer", "");
  }
  return items;
}

/** Whether a unit's text is the item's line whole. */
function matchesWhole(text: string, item: Item): boolean {
  switch (item.role) {
    case "paragraph":
    case "videoLeadIn":
      return text === item.text || text.replace(BULLET, "") === item.text;
    case "cite":
      return text === item.text || text.replace(DASH, "") === item.text;
    case "related":
      return text === item.text || relatedLabel(text)?.rest === item.text;
    case "image":
      return imageMarker(text)?.src === item.text;
    case "videoPlayer":
      return false;
    default:
      return text === item.text;
  }
}

const TEXT_ROLES = new Set<Role>(["paragraph", "videoLeadIn", "quote", "heading", "deck", "caption"]);

/** Roles for the units of a page from the editor's expected story (see the top of the file). */
export function labelPage(text: string, expected: PlainTextStory, header?: HeaderFinder): LabelledPage {
  // Gathered as the importer gathers them: below the headline its header finder chooses.
  const units = readUnits(text, { header });
  const headlineAt = units.findIndex((unit) => unit.role === "headline");
  const body = units.slice(headlineAt + 1);
  const items = itemsOf(expected);
  const used = new Set<Item>();
  const roles: (Role | undefined)[] = [];
  const matchedAt: (number | undefined)[] = [];
  const how = { whole: 0, part: 0, dropped: 0, video: 0 };
  const zone = pageZone(text)?.zone;
  const authors = expected.authors ?? [];
  let datelineFound = false;
  let pointer = 0;
  const headlines = new Set([expected.headline, expected.kicker].filter((t) => t !== undefined).map(plain));
  for (const unit of body) {
    const unitText = plain(unit.text);
    const candidates = items.filter((item) => !used.has(item) && matchesWhole(unitText, item));
    const item = candidates.find((c) => c.at >= pointer) ?? candidates[0];
    if (item) {
      // A caption may run over several units; the others are matched whole once.
      if (item.role !== "caption") used.add(item);
      pointer = item.at + 1;
      roles.push(item.role);
      matchedAt.push(item.at);
      how.whole += 1;
      continue;
    }
    matchedAt.push(undefined);
    if (headlines.has(unitText)) {
      roles.push(undefined);
      continue;
    }
    // The date line of the expected time (or its day, a zone read otherwise): the first such.
    if (!datelineFound && expected.publishedAt !== undefined) {
      const moment = readDateline(unitText, zone)?.moment ?? readDateline(unitText)?.moment;
      if (moment && Math.abs(Date.parse(moment) - Date.parse(expected.publishedAt)) <= 24 * 3600_000) {
        datelineFound = true;
        roles.push("dateline");
        how.whole += 1;
        continue;
      }
    }
    if (unitText.length <= 200 && authors.some((name) => unitText.includes(name))) {
      roles.push("byline");
      how.whole += 1;
      continue;
    }
    // Lines gathered otherwise than the editor set them: the role of the line it lies in or holds.
    const part = items.find(
      (i) =>
        TEXT_ROLES.has(i.role) &&
        i.text.length > 0 &&
        ((unitText.length >= 20 && i.text.includes(unitText)) || (i.text.length >= 20 && unitText.includes(i.text))),
    );
    if (part) {
      roles.push(part.role === "videoLeadIn" ? "paragraph" : part.role);
      how.part += 1;
      continue;
    }
    roles.push(unit.role === "embedMarker" ? "embedMarker" : "furniture");
    how.dropped += 1;
  }
  // A player's leftovers: in a video's place, between the units matched to the lines before and after it.
  for (const video of items.filter((item) => item.role === "videoPlayer")) {
    const before = matchedAt.findLastIndex((at) => at !== undefined && at < video.at);
    let after = matchedAt.findIndex((at) => at !== undefined && at > video.at);
    if (after === -1) after = body.length;
    const gap = [...body.keys()].filter((i) => i > before && i < after && matchedAt[i] === undefined);
    const players = gap.filter((i) => body[i]?.role === "videoPlayer" || body[i]?.role === "videoLeadIn");
    const chosen =
      players.length > 0
        ? players
        : gap
            .map((i) => ({
              i,
              score: scoreRoles(body[i]?.features ?? {}).find((s) => s.role === "videoPlayer")?.score ?? -Infinity,
            }))
            .sort((a, b) => b.score - a.score)
            .slice(0, 1)
            .map(({ i }) => i);
    for (const i of chosen) {
      if (roles[i] === "furniture" || roles[i] === "embedMarker") how.dropped -= 1;
      roles[i] = "videoPlayer";
      how.video += 1;
    }
  }
  return { units, roles, how };
}
