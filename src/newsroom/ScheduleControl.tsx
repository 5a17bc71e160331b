// Scheduling from the editor's action bar (docs/decisions/037): a date and time on the site's clock
// (site config `timeZone`, named beside the field, whatever the browser's zone), then Schedule; a
// scheduled story can be given another time or taken back to a draft. Offered to the roles that
// may publish; the server still decides whose story an author may schedule.
import { useId, useState } from "react";
import { useWords } from "../words/useWords";
import styles from "./newsroom.module.css";
import type { EditedStory } from "./newsroomApi";
import own from "./schedule.module.css";
import { instantOnSiteClock, siteWallTime, zoneName } from "./siteTime";

interface ScheduleControlProps {
  edited: EditedStory;
  /** Saves the story as given (the editor's own save, with its collision check). */
  onChange: (next: EditedStory) => void;
}

/** How far ahead the field starts when nothing is scheduled: the next whole hour, at least. */
const HOUR_MS = 3_600_000;

export function ScheduleControl({ edited, onChange }: ScheduleControlProps) {
  const words = useWords();
  const zone = words.timeZone;
  const [when, setWhen] = useState(() =>
    siteWallTime(
      edited.publishAt ? new Date(edited.publishAt) : new Date(Math.ceil((Date.now() + 1) / HOUR_MS) * HOUR_MS),
      zone,
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const clockId = useId();
  const problemId = useId();
  if (edited.status === "published") return null;
  const scheduled = edited.status === "scheduled";

  // Inside the editor's form: its buttons are plain buttons, and the field is checked here.
  const schedule = () => {
    const instant = instantOnSiteClock(when, zone);
    if (!instant || instant.getTime() <= Date.now()) {
      setProblem(words.text("newsroom.scheduleInPast"));
      return;
    }
    setProblem(null);
    onChange({ ...edited, status: "scheduled", publishAt: instant.toISOString() });
  };

  return (
    <fieldset className={own.schedule} aria-describedby={problem ? problemId : undefined}>
      <legend>{words.text("newsroom.scheduleTitle")}</legend>
      {scheduled && edited.publishAt ? (
        <p className={own.clock}>{words.text("newsroom.goesOut", { time: words.time(edited.publishAt) })}</p>
      ) : null}
      <div className={own.field}>
        <label htmlFor={fieldId}>{words.text("newsroom.scheduleAt")}</label>
        <input
          id={fieldId}
          type="datetime-local"
          value={when}
          min={siteWallTime(new Date(), zone)}
          onChange={(event) => setWhen(event.target.value)}
          aria-describedby={clockId}
        />
        <p id={clockId} className={own.clock}>
          {words.text("newsroom.siteClock", {
            zone: zoneName(instantOnSiteClock(when, zone) ?? new Date(), zone, words.locale),
          })}
        </p>
      </div>
      <div className={styles.actions}>
        <button type="button" className={styles.quiet} onClick={schedule}>
          {words.text(scheduled ? "newsroom.reschedule" : "newsroom.schedule")}
        </button>
        {scheduled ? (
          <button
            type="button"
            className={styles.quiet}
            onClick={() => {
              const { publishAt: _publishAt, ...rest } = edited;
              onChange({ ...rest, status: "draft" });
            }}
          >
            {words.text("newsroom.unschedule")}
          </button>
        ) : null}
      </div>
      <p id={problemId} role="alert" className={styles.problem}>
        {problem}
      </p>
    </fieldset>
  );
}
