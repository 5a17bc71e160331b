// The live coverage console (issue 22): post, edit and pin a live story's entries fast, from a phone
// as from a laptop. The entry box stays in reach at the top of the screen (sticky), posting clears
// it and leaves the cursor in it for the next entry, and every control is a full-size target. The
// entries are the staff's read (each naming who wrote it last); writes go through the live entries
// API of decision 018, and readers' open pages get them through the change stream.
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import type { LiveEntry, LiveEntryPage } from "../model/liveEntry";
import { useWords } from "../words/useWords";
import { listEntries, postEntry, updateEntry } from "./historyApi";
import { entryBody, entryText } from "./liveEntryText";
import styles from "./newsroom.module.css";
import { type EditedStory, NewsroomError, storyToEdit } from "./newsroomApi";
import { writerName } from "./writerName";

/** How often the console reads the entries again while it is in view, for colleagues' entries. */
const REFRESH_MS = 30_000;

export interface LivePageData {
  edited: EditedStory;
  entries: LiveEntryPage | null;
}

export async function livePageData(slug: string): Promise<LivePageData> {
  const edited = await storyToEdit(slug);
  // Only a published story covered live has entries to write.
  const entries = edited.status === "published" && edited.story.live === true ? await listEntries(slug) : null;
  return { edited, entries };
}

export function LivePage() {
  const words = useWords();
  const { edited, entries } = useLoaderData() as LivePageData;
  const { revalidate } = useRevalidator();
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [headline, setHeadline] = useState("");
  const [pin, setPin] = useState(false);
  const [editing, setEditing] = useState<LiveEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();
  const slug = edited.story.slug;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidate]);

  if (!entries)
    return (
      <>
        <h1>{words.text("newsroom.liveOf", { headline: edited.story.headline })}</h1>
        <p>{words.text("newsroom.notLive")}</p>
        <Link to={`/newsroom/stories/${slug}`}>{words.text("newsroom.backToEditor")}</Link>
      </>
    );

  const clear = () => {
    setText("");
    setHeadline("");
    setPin(false);
    setEditing(null);
  };

  const failed = (error: unknown) =>
    setProblem(
      error instanceof NewsroomError && error.status === 409
        ? words.text("newsroom.refused", { reason: error.message })
        : error instanceof NewsroomError && error.status === 403
          ? words.text("newsroom.entryForbidden")
          : error instanceof NewsroomError
            ? words.text("newsroom.refused", { reason: error.message })
            : words.text("newsroom.failed"),
    );

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const body = entryBody(text, editing?.body);
    if (body.length === 0 || busy) {
      box.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const entry = { ...(headline.trim() ? { headline: headline.trim() } : {}), body, pinned: pin };
      if (editing) await updateEntry(slug, editing.id, entry);
      else await postEntry(slug, entry);
      setSaid(words.text(editing ? "newsroom.entryUpdated" : "newsroom.entryPosted"));
      clear();
      revalidate();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
      // The next entry is typed at once, wherever the tap or key that posted this one left the focus.
      box.current?.focus();
    }
  };

  const togglePin = async (entry: LiveEntry) => {
    setProblem(null);
    try {
      await updateEntry(slug, entry.id, {
        ...(entry.headline ? { headline: entry.headline } : {}),
        body: entry.body,
        pinned: !entry.pinned,
      });
      setSaid(words.text(entry.pinned ? "newsroom.entryUnpinned" : "newsroom.entryPinned"));
      revalidate();
    } catch (error) {
      failed(error);
    }
  };

  const edit = (entry: LiveEntry) => {
    setEditing(entry);
    setText(entryText(entry.body));
    setHeadline(entry.headline ?? "");
    setPin(entry.pinned);
    box.current?.focus();
  };

  return (
    <>
      <h1 className={styles.liveTitle}>{words.text("newsroom.liveOf", { headline: edited.story.headline })}</h1>
      <p className={styles.meta}>
        <a href={`/stories/${slug}`} target="_blank" rel="noopener">
          {words.text("newsroom.readersPage")}
        </a>
        <Link to={`/newsroom/stories/${slug}`}>{words.text("newsroom.backToEditor")}</Link>
      </p>
      <form className={styles.entryBox} onSubmit={send} aria-labelledby={`${formId}-legend`}>
        <p id={`${formId}-legend`} className={styles.entryBoxTitle}>
          {editing
            ? words.text("newsroom.editingEntry", { time: words.time(editing.postedAt) })
            : words.text("newsroom.newEntry")}
        </p>
        <label className={styles.field}>
          <span>{words.text("newsroom.entryText")}</span>
          <textarea
            ref={box}
            name="entry"
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl+Enter (⌘+Enter) posts from the keyboard; Enter alone starts a new line.
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void send(event);
            }}
          />
        </label>
        <details className={styles.entryMore} open={headline !== "" || undefined}>
          <summary>{words.text("newsroom.entryHeadlineOptional")}</summary>
          <label className={styles.field}>
            <span>{words.text("newsroom.entryHeadline")}</span>
            <input name="headline" value={headline} onChange={(event) => setHeadline(event.target.value)} />
          </label>
        </details>
        <div className={styles.actions}>
          <button type="submit" className={`${styles.primary} ${styles.post}`} disabled={busy}>
            {words.text(editing ? "newsroom.saveEntry" : "newsroom.postEntry")}
          </button>
          <label className={styles.check}>
            <input type="checkbox" checked={pin} onChange={(event) => setPin(event.target.checked)} />
            <span>{words.text("newsroom.pinIt")}</span>
          </label>
          {editing ? (
            <button type="button" className={styles.quiet} onClick={clear}>
              {words.text("newsroom.cancelEdit")}
            </button>
          ) : null}
        </div>
        <p role="status" className={styles.saved}>
          {said}
        </p>
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      </form>
      <h2>{words.text("newsroom.entries")}</h2>
      {entries.pinned.length + entries.items.length === 0 ? <p>{words.text("newsroom.noEntries")}</p> : null}
      <ol className={styles.stories}>
        {[...entries.pinned, ...entries.items].map((entry) => (
          <li key={entry.id} className={styles.story}>
            <span className={styles.meta}>
              {entry.pinned ? <span className={styles.status}>{words.text("newsroom.pinned")}</span> : null}
              <span>{words.time(entry.postedAt)}</span>
              <span>{words.text("newsroom.byName", { name: writerName(entry.author, words) })}</span>
            </span>
            {entry.headline ? <span className={styles.headline}>{entry.headline}</span> : null}
            <span className={styles.entryText}>{entryText(entry.body)}</span>
            <span className={styles.actions}>
              <button
                type="button"
                className={styles.quiet}
                onClick={() => edit(entry)}
                aria-label={words.text("newsroom.editEntryAt", { time: words.time(entry.postedAt) })}
              >
                {words.text("newsroom.editEntry")}
              </button>
              <button
                type="button"
                className={styles.quiet}
                onClick={() => togglePin(entry)}
                aria-label={words.text(entry.pinned ? "newsroom.unpinEntryAt" : "newsroom.pinEntryAt", {
                  time: words.time(entry.postedAt),
                })}
              >
                {words.text(entry.pinned ? "newsroom.unpin" : "newsroom.pin")}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
