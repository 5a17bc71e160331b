// Merging after a collision, part by part (blockMerge.ts): the kicker, headline and deck where the
// two versions differ, then the body's blocks aligned, each part that differs a choice of the
// writer's, the saved one's, or both. A part only one side changed starts on that side's; a part
// both changed is said to be so. Saving sends the merge against the saved version's revision, so a
// third save made meanwhile is refused again, never overwritten.
import { useEffect, useId, useRef, useState } from "react";
import type { Block } from "../model/story";
import type { TextKey } from "../words/catalogue";
import { useWords } from "../words/useWords";
import { type BodyPart, bodyParts, type Choice, type FieldPart, fieldPart, mergedBody } from "./blockMerge";
import styles from "./newsroom.module.css";
import { blockText } from "./storyDiff";

/** What the writer merges: the fields they type and the body. */
export interface MergedFields {
  kicker: string;
  headline: string;
  deck: string;
  body: Block[];
}

const FIELDS = [
  ["kicker", "newsroom.kicker"],
  ["headline", "newsroom.headline"],
  ["deck", "newsroom.deck"],
] as const satisfies readonly (readonly [keyof Omit<MergedFields, "body">, TextKey])[];

export function MergeScreen({
  base,
  mine,
  theirs,
  saving,
  problem,
  onSave,
  onBack,
}: {
  /** The version the writer started from, to tell who changed what. */
  base: MergedFields;
  mine: MergedFields;
  theirs: MergedFields;
  saving: boolean;
  problem: string | null;
  onSave: (merged: MergedFields) => void;
  onBack: () => void;
}) {
  const words = useWords();
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const [fields, setFields] = useState(
    () =>
      Object.fromEntries(FIELDS.map(([name]) => [name, fieldPart(base[name], mine[name], theirs[name])])) as Record<
        (typeof FIELDS)[number][0],
        FieldPart
      >,
  );
  const [parts, setParts] = useState(() => bodyParts(base.body, mine.body, theirs.body));
  const chosen = (part: FieldPart) => (part.choice === "mine" ? part.mine : part.theirs);

  return (
    <form
      className={styles.merge}
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          kicker: chosen(fields.kicker),
          headline: chosen(fields.headline),
          deck: chosen(fields.deck),
          body: mergedBody(parts),
        });
      }}
    >
      <h1 id={titleId} ref={title} tabIndex={-1}>
        {words.text("newsroom.mergeTitle")}
      </h1>
      <p className={styles.mergeNote}>{words.text("newsroom.mergeHelp")}</p>
      {FIELDS.map(([name, label]) =>
        fields[name].same ? null : (
          <Sides
            key={name}
            legend={words.text(label)}
            part={fields[name]}
            text={(side) => fields[name][side]}
            onChoose={(choice) =>
              setFields({ ...fields, [name]: { ...fields[name], choice: choice === "theirs" ? "theirs" : "mine" } })
            }
          />
        ),
      )}
      <h2>{words.text("newsroom.body")}</h2>
      <ol className={styles.mergeParts}>
        {parts.map((part, at) =>
          part.same ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are fixed while the screen is open.
            <li key={at} className={styles.samePart}>
              {part.mine ? blockText(part.mine) : null}
            </li>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are fixed while the screen is open.
            <li key={at}>
              <Sides
                legend={words.text("newsroom.mergePart", { number: at + 1 })}
                part={part}
                offerBoth={part.mine !== null && part.theirs !== null}
                text={(side) => (part[side] ? blockText(part[side]) : null)}
                onChoose={(choice) => setParts(parts.map((one, i) => (i === at ? { ...one, choice } : one)))}
              />
            </li>
          ),
        )}
      </ol>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={saving}>
          {words.text(saving ? "newsroom.saving" : "newsroom.saveMerge")}
        </button>
        <button type="button" className={styles.quiet} onClick={onBack}>
          {words.text("newsroom.backToVersions")}
        </button>
      </div>
      <p role="alert" className={styles.problem}>
        {problem}
      </p>
    </form>
  );
}

/** One part that differs: the writer's, the saved one's, and (for a block both have) both. */
function Sides({
  legend,
  part,
  offerBoth = false,
  text,
  onChoose,
}: {
  legend: string;
  part: BodyPart | FieldPart;
  offerBoth?: boolean;
  text: (side: "mine" | "theirs") => string | null;
  onChoose: (choice: Choice) => void;
}) {
  const words = useWords();
  const name = useId();
  const options: [Choice, TextKey][] = [
    ["mine", "newsroom.mergeYours"],
    ["theirs", "newsroom.mergeSaved"],
    ...(offerBoth ? [["both", "newsroom.mergeBoth"] as [Choice, TextKey]] : []),
  ];
  // A block whose words are the same on both sides differs in its marks, links or other fields.
  const sameWords = text("mine") !== null && text("mine") === text("theirs");
  const shown = (side: "mine" | "theirs") => {
    const value = text(side);
    return value?.trim() ? value : words.text("newsroom.theirsEmpty");
  };
  return (
    <fieldset className={styles.mergePart} data-changed-by-both={part.changedByBoth || undefined}>
      <legend>
        {legend}
        {part.changedByBoth ? " " : null}
        {part.changedByBoth ? (
          <span className={styles.bothChanged}>{words.text("newsroom.mergeBothChanged")}</span>
        ) : null}
      </legend>
      {sameWords ? <p className={styles.sameWords}>{words.text("newsroom.mergeSameWords")}</p> : null}
      <div className={styles.sides}>
        {options.map(([choice, label]) => (
          <label key={choice} className={styles.side}>
            <input type="radio" name={name} checked={part.choice === choice} onChange={() => onChoose(choice)} />
            <span className={styles.sideName}>{words.text(label)}</span>
            {choice === "both" ? null : (
              <>
                {" "}
                <span className={styles.sideText}>{shown(choice)}</span>
              </>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
