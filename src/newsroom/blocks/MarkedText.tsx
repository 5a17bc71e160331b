// A passage edited with its marks: a small Lexical editor (docs/decisions/043) whose content maps
// onto the model's runs through runsInLexical.ts. Emphasis and strong by their buttons or Ctrl/⌘+I
// and Ctrl/⌘+B; a link through a labelled dialog (Ctrl/⌘+K). Enter starts a new block, as a
// writer expects a paragraph to end; other formats Lexical knows (underline, code) are refused,
// since the model has no place for them.
import { $toggleLink, LinkNode } from "@lexical/link";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { OnChangePlugin } from "@lexical/react/LexicalOnChangePlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  mergeRegister,
} from "lexical";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { isRunHref } from "../../model/runs";
import { useWords } from "../../words/useWords";
import styles from "./blocks.module.css";
import { $readPassage, $writePassage, type Passage } from "./runsInLexical";

interface MarkedTextProps {
  /** Its label, shown above it; or `labelledBy`, the id of what names it already (its block's title). */
  label?: string;
  labelledBy?: string;
  passage: Passage;
  onChange: (passage: Passage) => void;
  /** Enter at the end of the passage: the block list adds a paragraph after it. */
  onEnter?: () => void;
  /** Set on the text box, so the block list can focus it. */
  id?: string;
}

export function MarkedText({ label, labelledBy, passage, onChange, onEnter, id }: MarkedTextProps) {
  const ownId = useId();
  const labelId = labelledBy ?? ownId;
  return (
    <LexicalComposer
      initialConfig={{
        namespace: "passage",
        nodes: [LinkNode],
        theme: { text: { italic: styles.em, bold: styles.strong }, link: styles.link },
        onError: (error: Error) => {
          throw error;
        },
        editorState: () => $writePassage(passage),
      }}
    >
      <div className={styles.passage}>
        {label === undefined ? null : (
          <span id={labelId} className={styles.label}>
            {label}
          </span>
        )}
        <Marks labelledBy={labelId} />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={id}
              className={styles.text}
              aria-labelledby={labelId}
              aria-multiline="true"
              role="textbox"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <LinkPlugin validateUrl={isRunHref} />
        <OnChangePlugin ignoreSelectionChange onChange={(state) => state.read(() => onChange($readPassage()))} />
        <OnlyTheModelsMarks onEnter={onEnter} />
      </div>
    </LexicalComposer>
  );
}

/** Refuses formats the model cannot hold, and turns Enter into "a new block". */
function OnlyTheModelsMarks({ onEnter }: { onEnter: (() => void) | undefined }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          FORMAT_TEXT_COMMAND,
          (format) => format !== "bold" && format !== "italic",
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            event?.preventDefault();
            if (!event?.shiftKey) onEnter?.();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, onEnter],
  );
  return null;
}

/** The passage's buttons: emphasis, strong, and the link dialog. */
function Marks({ labelledBy }: { labelledBy: string }) {
  const words = useWords();
  const [editor] = useLexicalComposerContext();
  const dialog = useRef<HTMLDialogElement>(null);
  const kept = useRef<BaseSelection | null>(null);
  const [href, setHref] = useState("");
  const [wrong, setWrong] = useState(false);
  const inputId = useId();
  const problemId = useId();
  const toolbarId = useId();

  const openLink = () => {
    // The words selected on the page, as the writer sees them: the editor's own selection follows the
    // page's a moment later (on selectionchange), and a quick Ctrl+K after Shift+arrows comes before it.
    kept.current = editor.read(
      () => ($createRangeSelectionFromDom(window.getSelection(), editor) ?? $getSelection())?.clone() ?? null,
    );
    setHref("");
    setWrong(false);
    dialog.current?.showModal();
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: openLink reads only refs and setters.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey)) return false;
          event.preventDefault();
          openLink();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );

  const applyLink = (target: string | null) => {
    const selection = kept.current;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      const now = $getSelection();
      if ($isRangeSelection(now)) $toggleLink(target);
    });
    dialog.current?.close();
    editor.focus();
  };

  return (
    <div className={styles.marks} role="toolbar" aria-labelledby={`${toolbarId} ${labelledBy}`}>
      <span id={toolbarId} hidden>
        {words.text("newsroom.marks")}
      </span>
      <button
        type="button"
        className={styles.mark}
        aria-keyshortcuts="Control+I Meta+I"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic")}
      >
        <em>{words.text("newsroom.emphasis")}</em>
      </button>
      <button
        type="button"
        className={styles.mark}
        aria-keyshortcuts="Control+B Meta+B"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold")}
      >
        <strong>{words.text("newsroom.strong")}</strong>
      </button>
      <button
        type="button"
        className={styles.mark}
        aria-keyshortcuts="Control+K Meta+K"
        onMouseDown={(event) => event.preventDefault()}
        onClick={openLink}
      >
        {words.text("newsroom.link")}
      </button>
      {createPortal(
        <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${inputId}-title`}>
          <form
            className={styles.dialogForm}
            onSubmit={(event) => {
              // Not the editor's own form, which holds this one in React's tree (the dialog is portalled out of it).
              event.preventDefault();
              event.stopPropagation();
              const target = href.trim();
              if (!isRunHref(target)) {
                setWrong(true);
                return;
              }
              applyLink(target);
            }}
          >
            <h2 id={`${inputId}-title`} className={styles.dialogTitle}>
              {words.text("newsroom.linkTitle")}
            </h2>
            <label htmlFor={inputId}>{words.text("newsroom.linkAddress")}</label>
            <input
              id={inputId}
              type="text"
              inputMode="url"
              value={href}
              aria-invalid={wrong}
              aria-describedby={problemId}
              onChange={(event) => {
                setHref(event.target.value);
                setWrong(false);
              }}
            />
            <p id={problemId} className={styles.hint}>
              {words.text(wrong ? "newsroom.linkWrong" : "newsroom.linkHint")}
            </p>
            <div className={styles.row}>
              <button type="submit" className={styles.button}>
                {words.text("newsroom.linkApply")}
              </button>
              <button type="button" className={styles.button} onClick={() => applyLink(null)}>
                {words.text("newsroom.linkRemove")}
              </button>
              <button type="button" className={styles.button} onClick={() => dialog.current?.close()}>
                {words.text("newsroom.cancel")}
              </button>
            </div>
          </form>
        </dialog>,
        document.body,
      )}
    </div>
  );
}
