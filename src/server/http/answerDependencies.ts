// What each answer of pages and the API is made from (docs/decisions/026). Routes read through
// `readerFor(request)`, the in-process StoryApi with a note kept of every story, list and entry
// page it answered with, as dependency keys (model/dependencies.ts). The caching hook keeps the
// answer under those keys and names them to a CDN; an answer that read what changes by the clock
// (most read) is kept a minute instead.
import type { FastifyRequest } from "fastify";
import {
  authorKey,
  entriesKey,
  STORIES,
  sectionFillKey,
  sectionKey,
  storyKey,
  tagFillKey,
  tagKey,
  VIEWS,
} from "../../model/dependencies";
import type { StorySummary } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { StoryListParams } from "../../model/storyList";

/** The list a story list query reads: one section's, tag's or author's, else the whole collection. */
function listKey(params: StoryListParams): string {
  if (params.section) return sectionKey(params.section);
  if (params.tag) return tagKey(params.tag);
  if (params.author) return authorKey(params.author);
  return STORIES;
}

export class AnswerDependencies {
  readonly #reader: StoryApi;
  readonly #keys = new WeakMap<FastifyRequest, Set<string>>();

  constructor(reader: StoryApi) {
    this.#reader = reader;
  }

  /** The keys this request's answer depends on, in the order read. */
  keysOf(request: FastifyRequest): string[] {
    return [...(this.#keys.get(request) ?? [])];
  }

  /** Whether the answer shows what changes by the clock rather than by a write (most read). */
  changesByClock(request: FastifyRequest): boolean {
    return this.#keys.get(request)?.has(VIEWS) ?? false;
  }

  /** Notes keys for an answer made without the reader. */
  note(request: FastifyRequest, ...keys: string[]): void {
    const set = this.#keys.get(request) ?? new Set<string>();
    this.#keys.set(request, set);
    for (const key of keys) set.add(key);
  }

  /** The story reader for this request, noting what each answer it gives shows. */
  readerFor(request: FastifyRequest): StoryApi {
    const reader = this.#reader;
    const note = (...keys: string[]) => this.note(request, ...keys);
    const summaries = (items: StorySummary[]) => note(...items.map((item) => storyKey(item.slug)));
    return {
      async story(slug, signal) {
        note(storyKey(slug), entriesKey(slug));
        const story = await reader.story(slug, signal);
        // Its related block: the stories it links, then the newest of its section and tags before it.
        note(storyKey(story.slug), entriesKey(story.slug), sectionFillKey(story.section.slug));
        note(...story.tags.map((tag) => tagFillKey(tag.slug)));
        summaries(story.related);
        return story;
      },
      async stories(params, signal) {
        // Named once the reader has checked the query: a refused one is an error, never kept.
        const page = await reader.stories(params, signal);
        note(listKey(params));
        summaries(page.items);
        return page;
      },
      sections: (signal) => reader.sections(signal),
      search(params, signal) {
        note(STORIES);
        return reader.search(params, signal);
      },
      async mostRead(signal) {
        // And the collection, and each story on it: a story taken down (unpublished, deleted)
        // leaves the list at once, and one put back (republished with its views) returns to it.
        note(VIEWS, STORIES);
        const items = await reader.mostRead(signal);
        summaries(items);
        return items;
      },
      tag(slug, signal) {
        note(tagKey(slug));
        return reader.tag(slug, signal);
      },
      author(slug, signal) {
        note(authorKey(slug));
        return reader.author(slug, signal);
      },
      liveEntries(slug, params, signal) {
        note(storyKey(slug), entriesKey(slug));
        return reader.liveEntries(slug, params, signal);
      },
    };
  }
}
