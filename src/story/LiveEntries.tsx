// A live story's entries under its body: the pinned ones first, then the rest newest first, each
// with its time; "Older updates" pages further down (a link to ?before=, loaded in place once the
// page runs). While the coverage goes on, the list refetches (every POLL_MS, on coming back to the
// tab, or when told that an entry changed: see liveEntriesQuery) and new entries slide in at the top.
// What the reader is reading stays where it is: entries are inserted above it and the browser's
// scroll anchoring (overflow-anchor, left at its default here) keeps the viewport on it; the slide
// is a transform, which moves nothing else. A polite live region says how many arrived.

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { liveEntriesQuery } from "../api/queries";
import { ReaderLink } from "../app/ReaderLink";
import type { LiveEntry } from "../model/liveEntry";
import { beforeParam } from "../model/liveParams";
import type { Story } from "../model/story";
import { SiteTime } from "../time/SiteTime";
import { useWords } from "../words/useWords";
import styles from "./LiveEntries.module.css";
import { StoryBody } from "./StoryBody";

/** How often the first page is asked again while the coverage goes on and the tab is visible. */
export const POLL_MS = 120_000;

export function LiveEntries({ story }: { story: Story }) {
  const [search] = useSearchParams();
  const before = beforeParam(search.get("before")) ?? undefined;
  // Another page of entries is another list: what arrived is counted afresh.
  return <EntryList key={before ?? "latest"} story={story} before={before} />;
}

function EntryList({ story, before }: { story: Story; before: number | undefined }) {
  const { data, fetchNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery({
    ...liveEntriesQuery(story.slug, before),
    refetchInterval: story.live && before === undefined ? POLL_MS : false,
  });
  const pinned = data.pages[0]?.pinned ?? [];
  const items = data.pages.flatMap((page) => page.items);
  const next = data.pages.at(-1)?.nextBefore ?? null;
  const { fresh, announcement } = useArrivals(pinned, items);
  const words = useWords();

  return (
    <section className={styles.live} aria-labelledby="live-updates">
      <h2 id="live-updates" className={styles.title}>
        {words.text(before === undefined ? "story.liveUpdates" : "story.olderUpdates")}
      </h2>
      <p className={styles.status} role="status" aria-live="polite">
        {announcement}
      </p>
      {before !== undefined && (
        <p className={styles.more}>
          <ReaderLink to={`/stories/${story.slug}`}>{words.text("story.latestUpdates")}</ReaderLink>
        </p>
      )}
      {pinned.length > 0 && (
        <ol className={styles.entries} aria-label={words.text("story.pinnedUpdates")}>
          {pinned.map((entry) => (
            <Entry key={entry.id} entry={entry} fresh={fresh.has(entry.id)} />
          ))}
        </ol>
      )}
      {items.length > 0 ? (
        <ol className={styles.entries} aria-label={words.text("story.updatesNewestFirst")}>
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} fresh={fresh.has(entry.id)} />
          ))}
        </ol>
      ) : (
        pinned.length === 0 && <p className={styles.empty}>{words.text("story.noUpdates")}</p>
      )}
      {next !== null && (
        <p className={styles.more}>
          <a
            href={`/stories/${story.slug}?before=${next}`}
            aria-disabled={isFetchingNextPage || undefined}
            onClick={(event) => {
              event.preventDefault();
              if (!isFetchingNextPage) void fetchNextPage();
            }}
          >
            {words.text("story.olderUpdates")}
          </a>
        </p>
      )}
    </section>
  );
}

function Entry({ entry, fresh }: { entry: LiveEntry; fresh: boolean }) {
  const words = useWords();
  return (
    <li id={`entry-${entry.id}`} className={fresh ? `${styles.entry} ${styles.fresh}` : styles.entry}>
      <article>
        <p className={styles.meta}>
          <SiteTime iso={entry.postedAt} />
          {entry.pinned && <span className={styles.pin}>{words.text("story.pinned")}</span>}
        </p>
        {entry.headline && <h3 className={styles.headline}>{entry.headline}</h3>}
        <StoryBody blocks={entry.body} anchors={false} />
      </article>
    </li>
  );
}

/**
 * The entries that arrived at the top since the list was first shown (pinned ones included), and
 * what to announce of them; older pages loaded below are not arrivals. Worked out while rendering
 * (React's state from props), so a new entry is drawn with its slide from its first frame.
 */
function useArrivals(pinned: LiveEntry[], items: LiveEntry[]) {
  const words = useWords();
  const [known, setKnown] = useState(() => new Set([...pinned, ...items].map((entry) => entry.id)));
  const [arrivals, setArrivals] = useState({ fresh: new Set<number>(), announcement: "" });
  const firstKnown = items.findIndex((entry) => known.has(entry.id));
  const top = firstKnown === -1 ? items : items.slice(0, firstKnown);
  const added = [...pinned, ...top].filter((entry) => !known.has(entry.id));
  const unknown = items.some((entry) => !known.has(entry.id));
  if (added.length > 0 || unknown) {
    setKnown(new Set([...known, ...pinned.map((entry) => entry.id), ...items.map((entry) => entry.id)]));
    if (added.length > 0)
      setArrivals({
        fresh: new Set(added.map((entry) => entry.id)),
        announcement: words.count("story.newUpdates", added.length),
      });
  }
  return arrivals;
}
