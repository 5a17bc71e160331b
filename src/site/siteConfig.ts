// The site's identity, from one YAML file (SITE_CONFIG, default content/site.yaml): its name and
// words about it, its language, locale and time zone, its logo and icon, its colours, sections,
// social accounts, publisher and footer links. One schema checks it when the server starts; a
// wrong value stops the server with a message naming the key (docs/decisions/029).
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Site } from "../head/head";
import { sectionSchema } from "../model/story";
import { canonicalLanguage, type TextDirection, textDirection } from "../model/textDirection";
import { catalogues, findCatalogue } from "../words/catalogues";
import { AA_TEXT_CONTRAST, contrastRatio } from "./contrast";

/** The page's paper in each colour scheme (src/app/global.css): every site colour is read against it. */
export const PAPER = { light: "#fbfaf7", dark: "#121212" } as const;

const languageTag = z.string().transform((tag, context) => {
  try {
    return canonicalLanguage(tag);
  } catch {
    context.addIssue({ code: "custom", message: `"${tag}" is not a BCP 47 language tag (such as en, es-MX, ar)` });
    return z.NEVER;
  }
});

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone (such as UTC, Europe/Madrid)` },
);

const hexColor = z.string().regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, { error: 'a colour as "#rgb" or "#rrggbb"' });

const colorSet = z.strictObject({ accent: hexColor, kicker: hexColor, link: hexColor });

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A font face the site serves itself: its family, the stack it leads (serif: headlines and body;
 * sans: labels and controls), its file (WOFF2 or WOFF), and the characters it covers, so a page
 * loads a script's file only when it shows that script.
 */
const fontFace = z.strictObject({
  family: z.string().regex(/^[\w -]{1,60}$/, { error: "a family name of letters, digits, spaces and hyphens" }),
  role: z.enum(["serif", "sans"]),
  file: z.string().regex(/\.woff2?$/i, { error: "a .woff2 or .woff file" }),
  weight: z.union([z.int().min(1).max(1000), z.string().regex(/^\d{1,4} \d{1,4}$/)]).default(400),
  style: z.enum(["normal", "italic"]).default("normal"),
  unicodeRange: z
    .string()
    .regex(/^U\+[0-9A-F?]{1,6}(-[0-9A-F]{1,6})?(\s*,\s*U\+[0-9A-F?]{1,6}(-[0-9A-F]{1,6})?)*$/i, {
      error: "a CSS unicode-range such as U+0600-06FF, U+0750-077F",
    })
    .optional(),
});

const siteSchema = z.strictObject({
  name: text(60),
  shortName: text(12),
  tagline: text(140),
  description: text(300),
  language: languageTag,
  /** For dates and numbers; the language's when absent. */
  locale: languageTag.optional(),
  timeZone: timeZone.default("UTC"),
  logo: z.string().min(1),
  icon: z.string().min(1),
  colors: colorSet.extend({ dark: colorSet }),
  sections: z.array(sectionSchema).min(1),
  social: z
    .strictObject({
      "twitter:site": z
        .string()
        .regex(/^@\w{1,15}$/, { error: "an X/Twitter handle such as @news" })
        .optional(),
      "fediverse:creator": z
        .string()
        .regex(/^@[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: "a fediverse handle such as @news@example.social" })
        .optional(),
    })
    .default({}),
  publisher: z.strictObject({ name: text(120), url: z.url({ protocol: /^https?$/ }) }).optional(),
  footerLinks: z.array(z.strictObject({ label: text(60), href: z.string().min(1) })).default([]),
  /** Whether links from stories to other sites say `nofollow` (they always say `noopener`). */
  nofollowLinks: z.boolean().default(false),
  fonts: z.array(fontFace).max(40).default([]),
});

export type SiteFont = z.infer<typeof fontFace>;

export type SiteColors = z.infer<typeof colorSet>;

export interface SiteConfig {
  /** The folder of the config file: its files are found from it, and the stories/ an empty store starts with. */
  folder: string;
  name: string;
  shortName: string;
  tagline: string;
  description: string;
  language: string;
  dir: TextDirection;
  locale: string;
  timeZone: string;
  /** Absolute paths of the logo and icon files. */
  logo: string;
  icon: string;
  colors: SiteColors & { dark: SiteColors };
  sections: z.infer<typeof sectionSchema>[];
  social: { "twitter:site"?: string; "fediverse:creator"?: string };
  /** The organization that publishes the site; the site itself (its name, its home page) when absent. */
  publisher?: { name: string; url: string };
  footerLinks: { label: string; href: string }[];
  /** Whether links from stories to other sites say `nofollow`. */
  nofollowLinks: boolean;
  /** The site's own font faces, their files as absolute paths; none: the system's fonts. */
  fonts: SiteFont[];
}

/** The default: the demo's config. */
export const DEFAULT_SITE_CONFIG = "content/site.yaml";

/** The site config in this file; throws one error naming every key that is wrong. */
export function readSiteConfig(file: string): SiteConfig {
  const fail = (problems: string[]) => {
    throw new Error(`Dispatch cannot start: the site config ${file}: ${problems.join("; ")}`);
  };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    return fail([(error as Error).message]);
  }
  const parsed = siteSchema.safeParse(raw);
  if (!parsed.success)
    return fail(parsed.error.issues.map((issue) => `${issue.path.join(".") || "(the file)"}: ${issue.message}`));
  const values = parsed.data;
  const near = (path: string) => (isAbsolute(path) ? path : join(dirname(file), path));
  const [logo, icon] = [near(values.logo), near(values.icon)];
  const fonts = values.fonts.map((font) => ({ ...font, file: near(font.file) }));
  const problems = [
    ...fonts.flatMap((font, index) => (existsSync(font.file) ? [] : [`fonts.${index}.file: no file at ${font.file}`])),
    ...[
      ["logo", logo],
      ["icon", icon],
    ].flatMap(([key, path]) => (existsSync(path as string) ? [] : [`${key}: no file at ${path}`])),
    ...unreadableColors(values.colors),
    ...missingCatalogue(values.language),
  ];
  if (problems.length > 0) fail(problems);
  return {
    ...values,
    folder: dirname(file),
    dir: textDirection(values.language),
    locale: values.locale ?? values.language,
    logo,
    icon,
    fonts,
  };
}

/** The site's words come from its language's catalogue (words/catalogues.ts): a language with none cannot be a site's. */
function missingCatalogue(language: string): string[] {
  if (findCatalogue(language)) return [];
  return [
    `language: no message catalogue for "${language}" (there are: ${Object.keys(catalogues).join(", ")}); see "Adding a language" in the README`,
  ];
}

/** Each colour that fails WCAG AA (4.5:1) against the paper of its scheme, named by its key. */
function unreadableColors(colors: SiteColors & { dark: SiteColors }): string[] {
  const check = (set: SiteColors, paper: string, prefix: string) =>
    (["accent", "kicker", "link"] as const).flatMap((key) => {
      const ratio = contrastRatio(set[key], paper);
      return ratio >= AA_TEXT_CONTRAST
        ? []
        : [
            `${prefix}${key}: ${set[key]} on the paper ${paper} has contrast ${ratio.toFixed(2)}:1, below WCAG AA's 4.5:1`,
          ];
    });
  return [...check(colors, PAPER.light, "colors."), ...check(colors.dark, PAPER.dark, "colors.dark.")];
}

/** What the browser gets of the site (in every page's data): kept small, as every page carries it. */
export function browserSite(config: SiteConfig, url: string): Site {
  return {
    url,
    name: config.name,
    description: config.description,
    tagline: config.tagline,
    language: config.language,
    dir: config.dir,
    locale: config.locale,
    timeZone: config.timeZone,
    ...(config.publisher ? { publisher: config.publisher } : {}),
    ...(Object.keys(config.social).length > 0 ? { social: config.social } : {}),
    ...(config.footerLinks.length > 0 ? { footerLinks: config.footerLinks } : {}),
    ...(config.nofollowLinks ? { nofollowLinks: true } : {}),
  };
}
