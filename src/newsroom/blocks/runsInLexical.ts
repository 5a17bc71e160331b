// The one mapping between a passage's runs (model/runs.ts, docs/decisions/042) and the Lexical
// editor that edits it (docs/decisions/043): emphasis is Lexical's italic format, strong its bold,
// and a run's link a LinkNode around its text. Only links a run may carry (isRunHref) are kept,
// either way: a pasted `javascript:` link comes out as its text. Call inside an editor's update
// (writing) or read (reading).
import { $createLinkNode, $isLinkNode } from "@lexical/link";
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type LexicalNode,
  type TextFormatType,
} from "lexical";
import { isRunHref, MARKS, type Mark, type Run } from "../../model/runs";

/** The Lexical format of each mark. */
const FORMATS: Record<Mark, TextFormatType> = { em: "italic", strong: "bold" };

/** A passage as the model holds it: its plain text, and its runs when any carries a mark or link. */
export interface Passage {
  text: string;
  runs?: Run[];
}

/** Replaces the editor's content with the passage: one paragraph of its runs (or its plain text). */
export function $writePassage(passage: Passage): void {
  const root = $getRoot();
  root.clear();
  const paragraph = $createParagraphNode();
  for (const run of passage.runs ?? [{ text: passage.text }]) {
    const text = $createTextNode(run.text);
    for (const mark of run.marks ?? []) text.toggleFormat(FORMATS[mark]);
    if (run.href !== undefined && isRunHref(run.href)) paragraph.append($createLinkNode(run.href).append(text));
    else paragraph.append(text);
  }
  root.append(paragraph);
}

/** The editor's content as a passage: runs merged where they agree, trimmed as the model trims text. */
export function $readPassage(): Passage {
  const runs: Run[] = [];
  $getRoot()
    .getChildren()
    .forEach((block, index) => {
      if (index > 0) runs.push({ text: "\n" });
      collect(block, undefined, runs);
    });
  const trimmed = trim(merge(runs));
  const text = trimmed.map((run) => run.text).join("");
  return trimmed.some((run) => run.marks || run.href) ? { text, runs: trimmed } : { text };
}

function collect(node: LexicalNode, href: string | undefined, into: Run[]): void {
  if ($isLineBreakNode(node)) into.push(withLink({ text: "\n" }, href));
  else if ($isTextNode(node)) {
    const marks = MARKS.filter((mark) => node.hasFormat(FORMATS[mark]));
    into.push(
      withLink(marks.length > 0 ? { text: node.getTextContent(), marks } : { text: node.getTextContent() }, href),
    );
  } else if ($isElementNode(node)) {
    const link = $isLinkNode(node) && isRunHref(node.getURL()) ? node.getURL() : href;
    for (const child of node.getChildren()) collect(child, link, into);
  }
}

const withLink = (run: Run, href: string | undefined): Run => (href === undefined ? run : { ...run, href });

const sameSetting = (a: Run, b: Run) => a.href === b.href && (a.marks ?? []).join() === (b.marks ?? []).join();

/** Neighbours with the same marks and link as one run; empty runs gone. */
function merge(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const last = merged.at(-1);
    if (last && sameSetting(last, run)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push(run);
  }
  return merged;
}

/** Without the white space at either end, which the model trims from `text` (and so from its runs). */
function trim(runs: readonly Run[]): Run[] {
  const out = [...runs];
  while (out.length > 0) {
    const first = out[0] as Run;
    const text = first.text.trimStart();
    if (text) {
      out[0] = { ...first, text };
      break;
    }
    out.shift();
  }
  while (out.length > 0) {
    const last = out[out.length - 1] as Run;
    const text = last.text.trimEnd();
    if (text) {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}
