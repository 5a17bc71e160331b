// "Start a new story": any member of staff (a contributor too) starts a draft from the stories page
// with a headline, a section and a first paragraph, then writes the rest in the editor. The draft's
// address comes from its headline; If-Match "0" creates it only if no story was ever there, and a
// taken address gets a number (-2, -3…).
import { useState } from "react";
import { useNavigate, useRouteLoaderData } from "react-router";
import { slugify } from "../model/slug";
import type { Section } from "../model/story";
import { useWords } from "../words/useWords";
import styles from "./newsroom.module.css";
import type { Session } from "./newsroomApi";

/** How many numbered addresses to try before giving up. */
const TRIES = 5;

async function startDraft(
  fields: { headline: string; section: string; paragraph: string },
  session: Session,
): Promise<{ slug: string } | { problem: string }> {
  const base = slugify(fields.headline) || "story";
  const name = session.account?.name ?? "";
  const now = new Date().toISOString();
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    const response = await fetch(`/api/stories/${slug}`, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "if-match": '"0"' },
      body: JSON.stringify({
        status: "draft",
        headline: fields.headline,
        section: fields.section,
        authors: name && slugify(name) ? [{ slug: slugify(name), name }] : [],
        tags: [],
        publishedAt: now,
        updatedAt: now,
        body: [{ type: "paragraph", text: fields.paragraph }],
      }),
    });
    if (response.ok) return { slug };
    if (response.status === 412) continue;
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { problem: answer?.error?.message ?? response.statusText };
  }
  return { problem: base };
}

export function NewStoryForm({ sections }: { sections: Section[] }) {
  const words = useWords();
  const navigate = useNavigate();
  const session = useRouteLoaderData("staff") as Session | undefined;
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  return (
    <details className={styles.newStory}>
      <summary>{words.text("newsroom.newStory")}</summary>
      <form
        className={styles.form}
        onSubmit={async (event) => {
          event.preventDefault();
          if (!session) return;
          const form = new FormData(event.currentTarget);
          const text = (name: string) => String(form.get(name) ?? "").trim();
          setBusy(true);
          setProblem("");
          const made = await startDraft(
            { headline: text("headline"), section: text("section"), paragraph: text("paragraph") },
            session,
          ).catch(() => ({ problem: words.text("newsroom.failed") }));
          setBusy(false);
          if ("slug" in made) navigate(`/newsroom/stories/${made.slug}`);
          else setProblem(words.text("newsroom.refused", { reason: made.problem }));
        }}
      >
        <label>
          <span>{words.text("newsroom.headline")}</span>
          <input name="headline" required />
        </label>
        <label>
          <span>{words.text("newsroom.section")}</span>
          <select name="section" required>
            {sections.map((section) => (
              <option key={section.slug} value={section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{words.text("newsroom.firstParagraph")}</span>
          <textarea name="paragraph" rows={3} required />
        </label>
        <button type="submit" className={styles.primary} disabled={busy}>
          {words.text("newsroom.startDraft")}
        </button>
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      </form>
    </details>
  );
}
