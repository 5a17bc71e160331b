// The story model: the one definition of what a story is, validated at every boundary
// (import, API in, API out). Types come from these schemas; nothing here imports the app.
import { z } from "zod";
import {
  EMBED_PROVIDER_HOSTS,
  EMBED_PROVIDER_IDS,
  EMBED_PROVIDER_NAMES,
  embedUrlProvider,
  MAX_EMBED_URL,
} from "./embeddedPost";
import { PICTURE_VERSION } from "./picture";
import { isRunHref, MARKS, MAX_HREF, MAX_RUNS, runsText } from "./runs";
import { canonicalLanguage } from "./textDirection";

export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens");

/**
 * Characters no text of a story may hold (docs/decisions/012-the-store-survives-its-database.md):
 * control characters but tab, line feed and carriage return (NUL, ESC, VT, DEL, C1), the bidi
 * embeddings, overrides and isolates that reorder what a reader sees (U+202A–U+202E,
 * U+2066–U+2069), and lone surrogates, which are no character at all. The schema refuses them
 * (a client learns what it sent wrong); only the scraped-text reader removes them first.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_CHARACTERS = new RegExp(`${UNSAFE_CHARACTER.source}|${LONE_SURROGATE.source}`, "g");

/** The text without the characters above: for scraped text, which cannot be sent again clean. */
export const withoutUnsafeCharacters = (value: string): string => value.replace(UNSAFE_CHARACTERS, "");

/** A description of the first character `value` may not hold, or null when it holds none. */
export function unsafeCharacter(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return "a lone surrogate (not a character)";
  const found = UNSAFE_CHARACTER.exec(value)?.[0];
  if (found === undefined) return null;
  const code = found.codePointAt(0) ?? 0;
  const name = code >= 0x202a ? "the bidi control" : "the control character";
  return `${name} U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A string of a story: any text but the characters above. */
const safeString = () =>
  z.string().check((context) => {
    const found = unsafeCharacter(context.value);
    if (found) context.issues.push({ code: "custom", message: `holds ${found}`, input: context.value });
  });

/** A link target the page may load: a site path ("/media/x.jpg") or an https URL. */
export const mediaUrlSchema = safeString()
  .max(2048)
  .refine((value) => isSitePath(value) || isHttpsUrl(value), "a site path (/…) or an https URL");

function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !/[\s\\]/.test(value);
}

function isHttpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === "https:";
}

/** How long the texts of a story may be; importers shape what they produce to fit. */
export const TEXT_LIMITS = {
  kicker: 40,
  headline: 300,
  paragraph: 20_000,
  quote: 5_000,
  related: 300,
  correction: 2_000,
  /** A post from another platform (X allows far longer; a story quotes, it does not republish). */
  embed: 5_000,
} as const;

const text = (max: number) => safeString().trim().min(1).max(max);
/** A text of a story, trimmed, of 1 to `max` characters, none of them unsafe. */
export const storyText = text;
/**
 * An instant as ISO 8601 with its offset, within the years 0000-9999 once in UTC: the store keeps
 * UTC times as text in that form, so that they sort as they compare (9999-12-31T23:00:00-05:00 is
 * the year 10000 in UTC, which has no such form, and would sort before every other story).
 */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((value) => !Number.isFinite(Date.parse(value)) || /^\d{4}-/.test(new Date(value).toISOString()), {
    message: "must fall within the years 0000-9999 in UTC",
  });

export const namedRefSchema = z.object({ slug: slugSchema, name: text(120) });
export const sectionSchema = namedRefSchema;

/** A story's authors or tags: each slug once, since a story names an author or a tag once. */
const namedRefList = (max: number) =>
  z
    .array(namedRefSchema)
    .max(max)
    .check((context) => {
      const seen = new Set<string>();
      for (const [index, ref] of context.value.entries()) {
        if (seen.has(ref.slug))
          context.issues.push({
            code: "custom",
            message: `${ref.slug} is named twice`,
            input: ref.slug,
            path: [index, "slug"],
          });
        seen.add(ref.slug);
      }
    });

/**
 * A passage's inline marks (model/runs.ts, docs/decisions/042): runs whose texts, joined, are the
 * passage's `text` exactly; each with its marks once and a link to an http(s) URL or a story path.
 */
export const runSchema = z.strictObject({
  text: safeString().min(1).max(TEXT_LIMITS.paragraph),
  marks: z
    .array(z.enum(MARKS))
    .min(1)
    .max(MARKS.length)
    .refine((marks) => new Set(marks).size === marks.length, "each mark at most once")
    .optional(),
  href: safeString()
    .max(MAX_HREF)
    .refine(isRunHref, "an http(s) URL, or a story of this site as /stories/slug")
    .optional(),
});
const runsSchema = z.array(runSchema).min(1).max(MAX_RUNS);

/** Where a value's plain text and its runs are: a passage's `text`, a picture's `caption`. */
const RUN_FIELDS = [
  ["text", "runs"],
  ["caption", "captionRuns"],
] as const;

/** Runs are the same text as their plain form, and come only with it: one text, read two ways. */
function checkRunsMatchText(context: { value: object; issues: z.core.$ZodRawIssue[] }) {
  const value = context.value as Record<string, unknown>;
  for (const [plain, marked] of RUN_FIELDS) {
    const runs = value[marked] as { text: string }[] | undefined;
    if (runs === undefined) continue;
    const joined = runsText(runs);
    if (joined !== value[plain])
      context.issues.push({
        code: "custom",
        message:
          value[plain] === undefined
            ? `comes only with ${plain}`
            : `the runs' texts joined must be ${plain} exactly (trimmed), got ${JSON.stringify(joined.slice(0, 80))}`,
        input: runs,
        path: [marked],
      });
  }
}

const EMBED_PROBLEMS = {
  notUrl: "must be the post's full address, starting https://",
  notHttps: "must start https://",
} as const;

/**
 * An embedded post's address is https, on a host of a platform Dispatch knows, and that platform is
 * its `provider`: the provider is read from the address, and a client that names another is told.
 */
function checkEmbedUrl(context: { value: object; issues: z.core.$ZodRawIssue[] }) {
  const block = context.value as { type: string; url?: string; provider?: string };
  if (block.type !== "embed" || block.url === undefined) return;
  const found = embedUrlProvider(block.url);
  if ("problem" in found) {
    context.issues.push({
      code: "custom",
      message:
        found.problem === "unknownHost"
          ? `${found.host} is not a platform whose posts can be embedded: the address must be on ${knownHosts()}`
          : EMBED_PROBLEMS[found.problem],
      input: block.url,
      path: ["url"],
    });
    return;
  }
  if (found.provider !== block.provider)
    context.issues.push({
      code: "custom",
      message: `the address is a post on ${EMBED_PROVIDER_NAMES[found.provider]}: provider must be "${found.provider}"`,
      input: block.provider,
      path: ["provider"],
    });
}

const knownHosts = () =>
  EMBED_PROVIDER_IDS.map((id) => `${EMBED_PROVIDER_NAMES[id]} (${EMBED_PROVIDER_HOSTS[id].join(", ")})`).join(", ");

export const imageSchema = z.object({
  src: mediaUrlSchema,
  alt: safeString().max(300),
  /** A site picture's are measured from its file by the server (media/storyPictures.ts); an https picture's are the client's. */
  width: z.int().positive().max(20_000),
  height: z.int().positive().max(20_000),
  /** Set by the server from the file of a site picture (model/picture.ts); whatever a client sends is replaced. */
  version: z.string().regex(PICTURE_VERSION, "16 hex digits").optional(),
  /** What the picture shows, and who made it: set under the picture. */
  caption: text(1_000).optional(),
  /** The caption with its marks and links (model/runs.ts): its texts joined are `caption`. */
  captionRuns: runsSchema.optional(),
  credit: text(200).optional(),
  /** The point its crops keep in view (model/picture.ts), 0 to 1 across and down; none: what libvips finds salient. */
  focus: z.strictObject({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).optional(),
});

export const videoSourceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.enum(["video/mp4", "video/webm", "application/vnd.apple.mpegurl"]), src: mediaUrlSchema }),
  z.object({ type: z.literal("video/youtube"), src: z.string().regex(/^[\w-]{11}$/, "a YouTube video id") }),
]);

export const captionsSchema = z.object({
  src: mediaUrlSchema,
  srclang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "a language tag such as en"),
  label: text(60),
});

/** A picture whose caption's runs, if any, match its caption. */
export const captionedImageSchema = imageSchema.check(checkRunsMatchText);

export const blockSchema = z
  .discriminatedUnion("type", [
    // `runs`: the text with its marks and links (model/runs.ts); `text` stays its plain form.
    z.object({ type: z.literal("paragraph"), text: text(TEXT_LIMITS.paragraph), runs: runsSchema.optional() }),
    z.object({
      type: z.literal("quote"),
      text: text(TEXT_LIMITS.quote),
      runs: runsSchema.optional(),
      cite: text(200).optional(),
    }),
    z.object({ type: z.literal("heading"), text: text(300) }),
    imageSchema.extend({ type: z.literal("image") }),
    // An inline headline of another story: linked when that story is in the store (slug), set as
    // plain text when it is not (yet): an importer re-links it when the story arrives.
    z.object({ type: z.literal("related"), headline: text(TEXT_LIMITS.related), slug: slugSchema.optional() }),
    z.object({
      type: z.literal("video"),
      title: text(300),
      // A video with no sources is a placeholder where a video was (the page says it is unavailable).
      poster: mediaUrlSchema.optional(),
      sources: z.array(videoSourceSchema).max(8),
      captions: z.array(captionsSchema).max(20).optional(),
      durationS: z.number().positive().max(86_400).optional(),
      /** The picture size of the file sources, for players and Open Graph. */
      width: z.int().positive().max(8_000).optional(),
      height: z.int().positive().max(8_000).optional(),
    }),
    // A correction of the story as first published: when it was made and what was wrong. Shown at the
    // end of the story wherever it stands in the body, and in JSON-LD (`correction`).
    z.object({ type: z.literal("correction"), date: isoDateTime, text: text(TEXT_LIMITS.correction) }),
    // A post from another platform (model/embeddedPost.ts, docs/decisions/045): its words as the
    // editor typed or pasted them, who posted it and when, and its address, set as a quotation with
    // a link to the original. The page loads nothing from the platform.
    z.object({
      type: z.literal("embed"),
      url: safeString().max(MAX_EMBED_URL),
      provider: z.enum(EMBED_PROVIDER_IDS),
      text: text(TEXT_LIMITS.embed),
      runs: runsSchema.optional(),
      author: text(200).optional(),
      date: isoDateTime.optional(),
    }),
  ])
  .check(checkRunsMatchText)
  .check(checkEmbedUrl);

/** A BCP 47 language tag, written as the platform writes it ("EN-gb" is "en-GB"). */
export const languageSchema = z
  .string()
  .max(35)
  .transform((tag, context) => {
    try {
      return canonicalLanguage(tag);
    } catch {
      context.addIssue({ code: "custom", message: "a BCP 47 language tag, such as en, es-MX or ar", input: tag });
      return z.NEVER;
    }
  });

/** A story that translates another: its language and where it is. */
export const translationSchema = z.object({ language: languageSchema, slug: slugSchema });

export const storySummarySchema = z.object({
  slug: slugSchema,
  kicker: text(TEXT_LIMITS.kicker).optional(),
  headline: text(TEXT_LIMITS.headline),
  deck: text(500).optional(),
  section: sectionSchema,
  publishedAt: isoDateTime,
  updatedAt: isoDateTime,
  image: captionedImageSchema.optional(),
  hasVideo: z.boolean(),
  /** True while the story's live coverage goes on (model/liveEntry.ts); absent otherwise. */
  live: z.boolean().optional(),
  /** The story's language, when it is not the site's (absent: the site's). */
  language: languageSchema.optional(),
});

export const storySchema = storySummarySchema.extend({
  authors: namedRefList(20),
  tags: namedRefList(40),
  url: z.url({ protocol: /^https?$/ }),
  body: z.array(blockSchema).min(1).max(2_000),
  related: z.array(storySummarySchema).max(20),
  /** Live coverage (model/liveEntry.ts): true while it goes on, false once it has ended; absent on other stories. */
  live: z.boolean().optional(),
  /** When the live coverage started and ended; set by the server as `live` changes. */
  coverage: z.object({ startedAt: isoDateTime, endedAt: isoDateTime.optional() }).optional(),
  /** The same story in other languages (hreflang alternates). */
  translations: z.array(translationSchema).max(40).optional(),
});

/**
 * A correction changes the story, so the story was updated no earlier than its latest correction
 * (dateModified, the "Updated" line and feeds follow updatedAt), and it corrects what was published,
 * so it is not older than the story. A story breaking either is refused, not silently re-dated
 * (docs/decisions/017-revisions-and-corrections.md).
 */
function checkCorrectionDates(context: {
  value: { publishedAt: string; updatedAt: string; body: z.infer<typeof blockSchema>[] };
  issues: z.core.$ZodRawIssue[];
}) {
  const { publishedAt, updatedAt, body } = context.value;
  let latest: string | undefined;
  for (const [index, block] of body.entries()) {
    if (block.type !== "correction") continue;
    if (Date.parse(block.date) < Date.parse(publishedAt))
      context.issues.push({
        code: "custom",
        message: `a correction cannot be dated before the story was published (${publishedAt})`,
        input: block.date,
        path: ["body", index, "date"],
      });
    if (!latest || Date.parse(block.date) > Date.parse(latest)) latest = block.date;
  }
  if (latest && Date.parse(latest) > Date.parse(updatedAt))
    context.issues.push({
      code: "custom",
      message: `must be at or after the latest correction's date (${latest}): a correction updates the story`,
      input: updatedAt,
      path: ["updatedAt"],
    });
}

const storyInputObject = storySchema
  .omit({ url: true, related: true, hasVideo: true, section: true, coverage: true })
  .extend({ section: slugSchema });

/** What an editor or importer writes: the story without what the server computes. */
export const storyInputSchema = storyInputObject.check(checkCorrectionDates);

/**
 * What a client PUTs to publish: the Story shape, where what the server computes (url, related,
 * hasVideo) may be sent back and is ignored, the section may be a slug or a {slug, name}, and the
 * slug may be left out (the URL's slug is used).
 */
export const publishedStorySchema = storyInputObject
  .extend({
    slug: slugSchema.optional(),
    section: z.union([slugSchema, z.object({ slug: slugSchema }).transform((section) => section.slug)]),
  })
  .check(checkCorrectionDates);

export const storyPageSchema = z.object({
  items: z.array(storySummarySchema),
  nextCursor: z.string().nullable(),
});

export type Section = z.infer<typeof sectionSchema>;
export type NamedRef = z.infer<typeof namedRefSchema>;
export type Image = z.infer<typeof imageSchema>;
export type Block = z.infer<typeof blockSchema>;
export type VideoBlock = Extract<Block, { type: "video" }>;
export type CorrectionBlock = Extract<Block, { type: "correction" }>;
export type EmbedBlock = Extract<Block, { type: "embed" }>;

/** Whether the story carries a video a reader can play (not only a placeholder). */
export const hasPlayableVideo = (body: Block[]): boolean =>
  body.some((block) => block.type === "video" && block.sources.length > 0);

export type StorySummary = z.infer<typeof storySummarySchema>;
export type Translation = z.infer<typeof translationSchema>;
export type Story = z.infer<typeof storySchema>;
export type StoryInput = z.infer<typeof storyInputSchema>;
export type StoryPage = z.infer<typeof storyPageSchema>;
