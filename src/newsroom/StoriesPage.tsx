// The newsroom's stories: every story, held or published, newest change first, found by status,
// section, author and words of the headline. The filters are the page's address (a form that GETs it), so a
// search can be reloaded, shared with a colleague and gone back to.
import { Form, Link, useLoaderData, useNavigation } from "react-router";
import type { ListedStatus, NewsroomAuthor, NewsroomStory } from "../model/newsroomStories";
import type { Section } from "../model/story";
import type { TextKey } from "../words/catalogue";
import { useWords } from "../words/useWords";
import { NewStoryForm } from "./NewStoryForm";
import styles from "./newsroom.module.css";
import { listAuthors, listSections, listStories } from "./newsroomApi";

export interface StoriesPageData {
  stories: NewsroomStory[];
  sections: Section[];
  authors: NewsroomAuthor[];
  search: { status: string; section: string; author: string; q: string };
}

export const STATUS_WORDS: Record<ListedStatus, TextKey> = {
  draft: "newsroom.statusDraft",
  scheduled: "newsroom.statusScheduled",
  published: "newsroom.statusPublished",
  unpublished: "newsroom.statusUnpublished",
  live: "newsroom.statusLive",
};

/** The statuses to choose from, in this order (type-only imports keep zod out of the newsroom, 002). */
const STATUSES = Object.keys(STATUS_WORDS) as ListedStatus[];

/** The page's data: its address's filters, without the empty ones, asked of the API. */
export async function storiesPageData(url: URL): Promise<StoriesPageData> {
  const search = new URLSearchParams();
  for (const name of ["status", "section", "author", "q"]) {
    const value = url.searchParams.get(name)?.trim();
    if (value) search.set(name, value);
  }
  const [{ items }, sections, authors] = await Promise.all([listStories(search), listSections(), listAuthors()]);
  return {
    stories: items,
    sections,
    authors,
    search: {
      status: search.get("status") ?? "",
      section: search.get("section") ?? "",
      author: search.get("author") ?? "",
      q: search.get("q") ?? "",
    },
  };
}

export function StoriesPage() {
  const words = useWords();
  const { stories, sections, authors, search } = useLoaderData() as StoriesPageData;
  const loading = useNavigation().state === "loading";
  const sectionName = new Map(sections.map((section) => [section.slug, section.name]));

  return (
    <>
      <h1>{words.text("newsroom.stories")}</h1>
      <NewStoryForm sections={sections} />
      <Form method="get" role="search" aria-label={words.text("newsroom.filters")} className={styles.filters}>
        <label>
          <span>{words.text("newsroom.status")}</span>
          <select name="status" defaultValue={search.status}>
            <option value="">{words.text("newsroom.any")}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {words.text(STATUS_WORDS[status])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{words.text("newsroom.section")}</span>
          <select name="section" defaultValue={search.section}>
            <option value="">{words.text("newsroom.any")}</option>
            {sections.map((section) => (
              <option key={section.slug} value={section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{words.text("newsroom.author")}</span>
          <select name="author" defaultValue={search.author}>
            <option value="">{words.text("newsroom.any")}</option>
            {authors.map((author) => (
              <option key={author.slug} value={author.slug}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.grow}>
          <span>{words.text("newsroom.search")}</span>
          <input name="q" type="search" defaultValue={search.q} />
        </label>
        <button type="submit" className={styles.primary}>
          {words.text("newsroom.show")}
        </button>
      </Form>
      <div aria-live="polite" aria-busy={loading}>
        {stories.length === 0 ? (
          <p>{words.text("newsroom.noStories")}</p>
        ) : (
          <ol className={styles.stories}>
            {stories.map((story) => (
              <li key={story.slug} className={styles.story}>
                <Link to={`/newsroom/stories/${story.slug}`} className={`${styles.headline} ${styles.storyLink}`}>
                  {story.headline}
                </Link>
                <span className={styles.meta}>
                  <span className={styles.status} data-status={story.status}>
                    {words.text(STATUS_WORDS[story.status])}
                  </span>
                  <span>{sectionName.get(story.section) ?? story.section}</span>
                  <span>
                    {story.status === "scheduled" && story.publishAt
                      ? words.text("newsroom.goesOut", { time: words.time(story.publishAt) })
                      : words.text("newsroom.changed", { time: words.time(story.changedAt) })}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
