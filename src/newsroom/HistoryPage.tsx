// A story's history (issue 22): every revision with who saved it and when, what changed between a
// chosen revision and the current text (words added and removed, block by block: storyDiff.ts),
// and restoring a revision, which saves its text as a new revision naming the one it edits
// (If-Match, so a story someone saved meanwhile is not overwritten: the 412 of decision 037).
import { useId, useState } from "react";
import { Link, useLoaderData, useLocation, useNavigate, useRevalidator } from "react-router";
import type { WriteAuthor } from "../model/account";
import type { AuthoredCorrection } from "../model/authorship";
import type { Revision } from "../model/revision";
import { useWords } from "../words/useWords";
import { listCorrections, listRevisions } from "./historyApi";
import styles from "./newsroom.module.css";
import { type EditedStory, type StoryFields, saveStory, storyToEdit } from "./newsroomApi";
import { type ChangedText, storyChanges } from "./storyDiff";
import { writerName } from "./writerName";

export interface HistoryPageData {
  edited: EditedStory;
  revisions: Revision[];
  /** The cursor of the page of older revisions, null when these are the oldest. */
  olderCursor: string | null;
  corrections: AuthoredCorrection[];
  /** The revision compared with the current text. */
  compared: Revision | null;
}

/** The revision numbered `revision` alone: the page of one just before the next. */
async function oneRevision(slug: string, revision: number): Promise<Revision | null> {
  const { items } = await listRevisions(slug, { cursor: String(revision + 1), limit: 1 });
  return items[0]?.revision === revision ? items[0] : null;
}

export async function historyPageData(slug: string, url: URL): Promise<HistoryPageData> {
  const cursor = url.searchParams.get("cursor");
  const [edited, page, { items: corrections }] = await Promise.all([
    storyToEdit(slug),
    listRevisions(slug, { cursor }),
    listCorrections(slug),
  ]);
  const asked = Number(url.searchParams.get("revision"));
  // By default, the revision before the current one: what the last save changed.
  const compared =
    page.items.find((item) => item.revision === asked) ??
    (asked > 0 ? await oneRevision(slug, asked) : null) ??
    page.items.find((item) => item.revision < edited.revision) ??
    page.items[0] ??
    null;
  return { edited, revisions: page.items, olderCursor: page.nextCursor, corrections, compared };
}

/** The page's address with `name` set to `value`, the rest kept. */
const withParam = (search: string, name: string, value: string) => {
  const params = new URLSearchParams(search);
  params.set(name, value);
  return `?${params}`;
};

export function HistoryPage() {
  const words = useWords();
  const { edited, revisions, olderCursor, corrections, compared } = useLoaderData() as HistoryPageData;
  const { search } = useLocation();
  const navigate = useNavigate();
  const { revalidate } = useRevalidator();
  const [state, setState] = useState<"idle" | "restoring" | "restored">("idle");
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const slug = edited.story.slug;
  const who = (revision: { author?: WriteAuthor | undefined }) => writerName(revision.author, words);

  const restore = async (revision: Revision) => {
    setState("restoring");
    setProblem(null);
    // The revision's text at the story's slug (it may have moved since), dated now if readers see it.
    const story: StoryFields = {
      ...revision.story,
      slug,
      ...(edited.status === "published" ? { updatedAt: new Date().toISOString() } : {}),
    };
    const answer = await saveStory(edited, story).catch(() => null);
    if (answer?.ok) {
      setState("restored");
      revalidate();
      return;
    }
    setState("idle");
    if (answer?.status === 412) setProblem(words.text("newsroom.restoreStale"));
    else if (answer?.status === 403) setProblem(words.text("newsroom.forbidden"));
    else
      setProblem(answer ? words.text("newsroom.refused", { reason: answer.message }) : words.text("newsroom.failed"));
  };

  const changes = compared ? storyChanges(compared.story, edited.story) : [];

  return (
    <>
      <h1>{words.text("newsroom.historyOf", { headline: edited.story.headline })}</h1>
      <p className={styles.meta}>
        <Link to={`/newsroom/stories/${slug}`}>{words.text("newsroom.backToEditor")}</Link>
      </p>
      <div className={styles.history}>
        <section aria-labelledby={`${headingId}-list`}>
          <h2 id={`${headingId}-list`}>{words.text("newsroom.revisions")}</h2>
          {revisions.length === 0 ? <p>{words.text("newsroom.noRevisions")}</p> : null}
          <ol className={styles.revisions}>
            {revisions.map((revision) => (
              <li key={revision.revision} className={styles.revision}>
                <Link
                  to={withParam(search, "revision", String(revision.revision))}
                  replace
                  aria-current={revision.revision === compared?.revision ? "true" : undefined}
                  className={styles.revisionLink}
                >
                  {words.text(
                    revision.revision === edited.revision ? "newsroom.revisionCurrent" : "newsroom.revisionNumber",
                    { number: revision.revision },
                  )}
                </Link>
                <span className={styles.meta}>
                  {words.text("newsroom.savedBy", { name: who(revision), time: words.time(revision.savedAt) })}
                </span>
              </li>
            ))}
          </ol>
          {olderCursor ? (
            <Link to={withParam(search, "cursor", olderCursor)} className={styles.revisionLink}>
              {words.text("newsroom.olderRevisions")}
            </Link>
          ) : null}
        </section>
        <section aria-labelledby={`${headingId}-changes`} aria-live="polite">
          <h2 id={`${headingId}-changes`}>
            {compared
              ? words.text("newsroom.changesSince", { number: compared.revision })
              : words.text("newsroom.changes")}
          </h2>
          {compared && changes.length === 0 ? <p>{words.text("newsroom.noChanges")}</p> : null}
          {changes.map((change, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: changes have no ids; their place in the story is who they are.
            <ChangedPart key={index} change={change} />
          ))}
          {compared && compared.revision !== edited.revision ? (
            <div className={styles.actions}>
              <button
                type="button"
                className={styles.primary}
                disabled={state === "restoring"}
                onClick={() => restore(compared)}
              >
                {words.text("newsroom.restore", { number: compared.revision })}
              </button>
              <button type="button" className={styles.quiet} onClick={() => navigate(`/newsroom/stories/${slug}`)}>
                {words.text("newsroom.backToEditor")}
              </button>
            </div>
          ) : null}
          <p role="status" className={styles.saved}>
            {state === "restored" ? words.text("newsroom.restored") : ""}
          </p>
          <p role="alert" className={styles.problem}>
            {problem}
          </p>
        </section>
      </div>
      {corrections.length > 0 ? (
        <section aria-labelledby={`${headingId}-corrections`}>
          <h2 id={`${headingId}-corrections`}>{words.text("newsroom.corrections")}</h2>
          <ul className={styles.stories}>
            {corrections.map((correction) => (
              <li key={`${correction.date}${correction.text}`} className={styles.story}>
                <span>{correction.text}</span>
                <span className={styles.meta}>
                  {correction.addedIn
                    ? words.text("newsroom.correctionAddedBy", {
                        name: who(correction.addedIn),
                        number: correction.addedIn.revision,
                        time: words.time(correction.addedIn.savedAt),
                      })
                    : words.time(correction.date)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

const FIELD_WORDS = {
  kicker: "newsroom.kicker",
  headline: "newsroom.headline",
  deck: "newsroom.deck",
  body: "newsroom.body",
} as const;

/** One changed field or block, its added words in <ins> and removed ones in <del>, each said aloud. */
function ChangedPart({ change }: { change: ChangedText }) {
  const words = useWords();
  return (
    <div className={styles.change}>
      <p className={styles.meta}>{words.text(FIELD_WORDS[change.field])}</p>
      <p className={styles.changeText}>
        {change.parts.map((part, index) => {
          const key = `${index}`;
          if (part.added)
            return (
              <ins key={key}>
                <span className="visually-hidden">{words.text("newsroom.added")} </span>
                {part.value}
                <span className="visually-hidden"> {words.text("newsroom.addedEnd")}</span>
              </ins>
            );
          if (part.removed)
            return (
              <del key={key}>
                <span className="visually-hidden">{words.text("newsroom.removed")} </span>
                {part.value}
                <span className="visually-hidden"> {words.text("newsroom.removedEnd")}</span>
              </del>
            );
          return <span key={key}>{part.value}</span>;
        })}
      </p>
    </div>
  );
}
