// The editor: a story's kicker, headline and deck with their counts, its blocks (blocks/BlockList.tsx,
// mapped to the model in storyBlocks.ts), saved in its status naming the
// revision it edits. When someone else saved first (the 412 of decision 037) it shows both
// versions and lets the writer keep theirs, take the other, or merge part by part (MergeScreen.tsx),
// saved against the saved version's revision. It never overwrites silently.
import { useEffect, useId, useRef, useState } from "react";
import { Link, useLoaderData, useRouteLoaderData } from "react-router";
import { useWords } from "../words/useWords";
import { BlockList } from "./blocks/BlockList";
import { dropLocalCopy, keepLocalCopy, readLocalCopy } from "./localCopy";
import { type MergedFields, MergeScreen } from "./MergeScreen";
import styles from "./newsroom.module.css";
import {
  type CurrentVersion,
  type EditedStory,
  previewLink,
  type Session,
  type StoryFields,
  saveStory,
  storyToEdit,
} from "./newsroomApi";
import { ScheduleControl } from "./ScheduleControl";
import { SharePreviews } from "./SharePreviews";
import { STATUS_WORDS } from "./StoriesPage";
import type { PreviewedStory } from "./sharePreview";
import { type EditedBlock, editedBlocks, storyBody } from "./storyBlocks";

/** The roles that may publish and unpublish (model/account.ts ROLES, by name: no zod in the newsroom). */
const PUBLISHERS = new Set(["author", "editor", "admin"]);

/** How often unsaved work of a held story is saved by itself. */
const AUTOSAVE_MS = 3_000;

interface Draft {
  kicker: string;
  headline: string;
  deck: string;
  blocks: EditedBlock[];
}

/** The fields a writer types. */
type TypedField = "kicker" | "headline" | "deck";

const draftOf = (story: StoryFields): Draft => ({
  kicker: story.kicker ?? "",
  headline: story.headline,
  deck: story.deck ?? "",
  blocks: editedBlocks(story.body),
});

/** A draft as the server would get it (blocks without their editor's keys), to compare two. */
const asSent = (draft: Draft): string => JSON.stringify({ ...draft, blocks: storyBody(draft.blocks) });

function storyOf(base: StoryFields, draft: Draft): StoryFields {
  const { kicker: _kicker, deck: _deck, ...rest } = base;
  return {
    ...rest,
    ...(draft.kicker.trim() ? { kicker: draft.kicker.trim() } : {}),
    headline: draft.headline,
    ...(draft.deck.trim() ? { deck: draft.deck.trim() } : {}),
    body: storyBody(draft.blocks),
  };
}

export function EditorPage() {
  const words = useWords();
  const loaded = useLoaderData() as EditedStory;
  const [edited, setEdited] = useState(loaded);
  const [draft, setDraft] = useState(
    () =>
      readLocalCopy<Draft>(loaded.story.slug, { revision: loaded.revision, base: asSent(draftOf(loaded.story)) }) ??
      draftOf(loaded.story),
  );
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [problem, setProblem] = useState<string | null>(null);
  const [collision, setCollision] = useState<{ revision: number; story: StoryFields } | null>(null);
  // Merging part by part, after a collision, instead of the two versions side by side.
  const [merging, setMerging] = useState(false);
  const statusId = useId();
  // What the server has, to know whether there is anything to save.
  const [savedDraft, setSavedDraft] = useState(() => asSent(draftOf(loaded.story)));
  const unsaved = asSent(draft) !== savedDraft;
  const slug = edited.story.slug;
  // Held stories save by themselves (a published one's edits go out to readers only when asked).
  const autosaves = edited.status !== "published";

  useEffect(() => {
    if (unsaved) keepLocalCopy(slug, { revision: edited.revision, base: savedDraft, draft });
    else dropLocalCopy(slug);
  }, [draft, unsaved, slug, edited.revision, savedDraft]);

  const latest = useRef({ edited, draft, unsaved, savedDraft, busy: false });
  latest.current = { ...latest.current, edited, draft, unsaved, savedDraft };
  // Every few seconds while there is unsaved work, and once more when the page is left.
  // Not after a collision, until the writer chooses what to keep.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer reads the latest work through a ref; it restarts only when autosaving starts or stops.
  useEffect(() => {
    if (!autosaves || collision) return;
    const timer = setInterval(() => {
      const { edited: now, draft: work, unsaved: pending, busy } = latest.current;
      if (pending && !busy) void save(now, work);
    }, AUTOSAVE_MS);
    const leaving = () => {
      const { edited: now, draft: work, unsaved: pending } = latest.current;
      if (pending && document.visibilityState === "hidden") void saveStory(now, storyOf(now.story, work), true);
    };
    document.addEventListener("visibilitychange", leaving);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", leaving);
    };
  }, [autosaves, collision]);

  // Who may put a story out or take it down: authors (their own stories: the server decides), editors, admins.
  const session = useRouteLoaderData("staff") as Session | undefined;
  const mayPublish = session ? PUBLISHERS.has(session.role) : false;
  const changeStatus = (status: "published" | "unpublished") => {
    const now = new Date().toISOString();
    // A story going out for the first time (or before its scheduled time) goes out dated now.
    const firstTime = status === "published" && (edited.status === "draft" || edited.status === "scheduled");
    const story = firstTime ? { ...edited.story, publishedAt: now, updatedAt: now } : edited.story;
    void save({ ...edited, status, story });
  };

  const [preview, setPreview] = useState<string | null>(null);
  const makePreview = async () => {
    setProblem(null);
    try {
      setPreview((await previewLink(edited.story.slug)).url);
    } catch {
      setProblem(words.text("newsroom.failed"));
    }
  };

  const save = async (against: EditedStory, what: Draft = draft) => {
    if (latest.current.busy) return;
    latest.current.busy = true;
    setState("saving");
    setProblem(null);
    const answer = await saveStory(against, storyOf(against.story, what)).catch(() => null);
    latest.current.busy = false;
    if (answer?.ok) {
      setSavedDraft(asSent(what));
      // Read back for its new revision; if the network is gone by then, the work kept meanwhile
      // names the text it began from (localCopy.ts).
      const saved = await storyToEdit(against.story.slug).catch(() => null);
      if (saved) setEdited(saved);
      setCollision(null);
      setMerging(false);
      setState("saved");
      return;
    }
    setState("idle");
    const theirs = currentStory(answer?.current);
    if (answer?.status === 412 && answer.current && theirs && asSent(draftOf(theirs)) === latest.current.savedDraft) {
      // The story is at what this editor saved last, whose read-back failed: its own save, not
      // someone else's. Its revision is taken, and the next autosave sends the work against it.
      setEdited({ ...against, revision: answer.current.revision, story: theirs });
    } else if (answer?.status === 412 && answer.current && theirs) {
      setCollision({ revision: answer.current.revision, story: theirs });
      setMerging(false);
    } else if (answer?.status === 403) setProblem(words.text("newsroom.forbidden"));
    else
      setProblem(answer ? words.text("newsroom.refused", { reason: answer.message }) : words.text("newsroom.failed"));
  };

  const change = (name: TypedField) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: event.target.value });
  const count = (name: TypedField) => (
    <span className={styles.count}>{words.count("newsroom.characters", [...draft[name]].length)}</span>
  );
  const line = (name: "kicker" | "headline", label: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input name={name} value={draft[name]} onChange={change(name)} />
      {count(name)}
    </label>
  );

  if (collision && merging) {
    const fieldsOf = (story: StoryFields): MergedFields => ({
      kicker: story.kicker ?? "",
      headline: story.headline,
      deck: story.deck ?? "",
      body: [...story.body],
    });
    return (
      <MergeScreen
        key={collision.revision}
        base={fieldsOf(edited.story)}
        mine={{ ...draft, body: storyBody(draft.blocks) }}
        theirs={fieldsOf(collision.story)}
        saving={state === "saving"}
        problem={problem}
        onBack={() => setMerging(false)}
        onSave={({ body, ...typed }) => {
          // Saved over the saved version (its other fields too), naming its revision: a third
          // save made meanwhile is a 412 again, and the merge starts again from it.
          const against = { ...edited, revision: collision.revision, story: collision.story };
          const merged = { ...typed, blocks: editedBlocks(body) };
          setEdited(against);
          setDraft(merged);
          void save(against, merged);
        }}
      />
    );
  }

  if (collision) {
    const mine = storyOf(edited.story, draft);
    return (
      <>
        <h1>{words.text("newsroom.collision")}</h1>
        <div className={styles.versions}>
          <Version title={words.text("newsroom.mine")} story={mine} />
          <Version title={words.text("newsroom.theirs")} story={collision.story} />
        </div>
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.primary}
            onClick={() => save({ ...edited, revision: collision.revision })}
          >
            {words.text("newsroom.keepMine")}
          </button>
          <button
            type="button"
            className={styles.quiet}
            onClick={() => {
              setProblem(null);
              setMerging(true);
            }}
          >
            {words.text("newsroom.mergeByHand")}
          </button>
          <button
            type="button"
            className={styles.quiet}
            onClick={() => {
              setEdited({ ...edited, revision: collision.revision, story: collision.story });
              setDraft(draftOf(collision.story));
              setCollision(null);
              setState("idle");
            }}
          >
            {words.text("newsroom.takeTheirs")}
          </button>
        </div>
      </>
    );
  }

  return (
    <form
      className={styles.editor}
      onSubmit={(event) => {
        event.preventDefault();
        void save(edited);
      }}
    >
      <h1>{draft.headline || edited.story.slug}</h1>
      <p className={styles.meta}>
        {words.text("newsroom.statusIs", { status: words.text(STATUS_WORDS[edited.status]) })}
        <Link to="history">{words.text("newsroom.history")}</Link>
        {edited.story.live === true ? <Link to="live">{words.text("newsroom.liveConsole")}</Link> : null}
      </p>
      <div className={styles.editorTop}>
        <div className={styles.fields}>
          {line("kicker", words.text("newsroom.kicker"))}
          {line("headline", words.text("newsroom.headline"))}
          <label className={styles.field}>
            <span>{words.text("newsroom.deck")}</span>
            <textarea name="deck" rows={3} value={draft.deck} onChange={change("deck")} />
            {count("deck")}
          </label>
        </div>
        <SharePreviews story={storyOf(edited.story, draft) as PreviewedStory} />
      </div>
      <BlockList blocks={draft.blocks} onChange={(blocks) => setDraft({ ...draft, blocks })} />
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={state === "saving"} aria-describedby={statusId}>
          {words.text(state === "saving" ? "newsroom.saving" : "newsroom.save")}
        </button>
        {mayPublish && edited.status !== "published" ? (
          <button type="button" className={styles.quiet} onClick={() => changeStatus("published")}>
            {words.text("newsroom.publish")}
          </button>
        ) : null}
        {mayPublish && edited.status === "published" ? (
          <button type="button" className={styles.quiet} onClick={() => changeStatus("unpublished")}>
            {words.text("newsroom.unpublish")}
          </button>
        ) : null}
        <button type="button" className={styles.quiet} onClick={makePreview}>
          {words.text("newsroom.preview")}
        </button>
        {preview ? (
          <a href={preview} target="_blank" rel="noopener">
            {words.text("newsroom.previewLink")}
          </a>
        ) : null}
        <p id={statusId} role="status" className={styles.saved}>
          {state === "saved" ? words.text("newsroom.saved") : ""}
        </p>
      </div>
      {mayPublish ? <ScheduleControl edited={edited} onChange={(next) => void save(next)} /> : null}
      <p role="alert" className={styles.problem}>
        {problem}
      </p>
    </form>
  );
}

/** The story a 412 says is there now: the published one, or the held one. */
function currentStory(current: CurrentVersion | undefined): StoryFields | null {
  return current?.story ?? current?.held?.story ?? null;
}

function Version({ title, story }: { title: string; story: StoryFields }) {
  const headingId = useId();
  return (
    <section className={styles.version} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {story.kicker ? <p className={styles.meta}>{story.kicker}</p> : null}
      <p className={styles.headline}>{story.headline}</p>
      {story.deck ? <p>{story.deck}</p> : null}
      {storyBody(editedBlocks(story.body)).map((block, index) =>
        block.type === "paragraph" && "text" in block ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no ids; their place is who they are.
          <p key={index}>{String(block.text)}</p>
        ) : null,
      )}
    </section>
  );
}
