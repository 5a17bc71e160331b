// A passage's text as a reader sees it: its runs set with their marks and links (model/runs.ts),
// or its plain text when it has none. React writes every run as text, never as markup.
import { Fragment, type ReactNode } from "react";
import { ReaderLink } from "../app/ReaderLink";
import { useSite } from "../app/siteContext";
import { hasMark, isStoryPath, linkGroups, linkRel, type Run } from "../model/runs";

export function MarkedText({ text, runs }: { text: string; runs?: Run[] }): ReactNode {
  const site = useSite();
  if (!runs) return text;
  return linkGroups(runs).map((group, index) => {
    const content = group.runs.map((run, at) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place in the text
      <MarkedRun key={at} run={run} />
    ));
    if (group.href === undefined)
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      return <Fragment key={index}>{content}</Fragment>;
    return isStoryPath(group.href) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <ReaderLink key={index} to={group.href}>
        {content}
      </ReaderLink>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <a key={index} href={group.href} rel={linkRel(group.href, site)}>
        {content}
      </a>
    );
  });
}

function MarkedRun({ run }: { run: Run }): ReactNode {
  let content: ReactNode = run.text;
  if (hasMark(run, "em")) content = <em>{content}</em>;
  if (hasMark(run, "strong")) content = <strong>{content}</strong>;
  return content;
}
