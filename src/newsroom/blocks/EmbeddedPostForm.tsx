// A post from another platform (block "embed", docs/decisions/045): its address, recognised as it is
// pasted (the platform named, or what is wrong with it said), its words as posted, with their
// marks, who posted it and when (on the site's clock). The reader's page shows only these: nothing
// is fetched from the platform, here or there.
import { useId, useState } from "react";
import { EMBED_PROVIDER_IDS, embedUrlProvider, providerName } from "../../model/embeddedPost";
import { useWords } from "../../words/useWords";
import { instantOnSiteClock, siteWallTime, zoneName } from "../siteTime";
import styles from "./blocks.module.css";
import { MarkedText } from "./MarkedText";
import type { BlockFormProps } from "./TextBlocks";

export function EmbeddedPostForm({ block, onChange, label, fieldId }: BlockFormProps<"embed">) {
  const words = useWords();
  const statusId = useId();
  const clockId = useId();
  const [when, setWhen] = useState(() => (block.date ? siteWallTime(new Date(block.date), words.timeZone) : ""));
  const providers = words
    .list(EMBED_PROVIDER_IDS.map(providerName))
    .map((part) => part.value)
    .join("");
  const address = block.url.trim();
  const found = address === "" ? null : embedUrlProvider(address);
  const problem = found && "problem" in found ? found : null;
  const status =
    found === null
      ? words.text("newsroom.embeddedPostUrlHint", { providers })
      : "provider" in found
        ? words.text("newsroom.embeddedPostRecognised", { provider: providerName(found.provider) })
        : found.problem === "unknownHost"
          ? words.text("newsroom.embeddedPostUnknownHost", { host: found.host ?? "", providers })
          : words.text(found.problem === "notHttps" ? "newsroom.embeddedPostNotHttps" : "newsroom.embeddedPostNotUrl");

  return (
    <>
      <div className={styles.field}>
        <label htmlFor={fieldId} className={styles.label}>
          {words.text("newsroom.embeddedPostUrl", { label })}
        </label>
        <input
          id={fieldId}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          value={block.url}
          aria-invalid={problem !== null}
          aria-describedby={statusId}
          onChange={(event) => {
            const url = event.target.value;
            const recognised = embedUrlProvider(url.trim());
            onChange({ ...block, url, ...("provider" in recognised ? { provider: recognised.provider } : {}) });
          }}
        />
        <p id={statusId} className={problem ? styles.problem : styles.hint} aria-live="polite">
          {status}
        </p>
      </div>
      <MarkedText
        label={words.text("newsroom.embeddedPostText")}
        passage={block}
        onChange={({ text, runs }) => {
          const { runs: _runs, ...rest } = block;
          onChange({ ...rest, text, ...(runs ? { runs } : {}) });
        }}
      />
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.embeddedPostAuthor")}</span>
        <input value={block.author ?? ""} onChange={(event) => onChange({ ...block, author: event.target.value })} />
      </label>
      <div className={styles.field}>
        <label htmlFor={`${fieldId}-date`} className={styles.label}>
          {words.text("newsroom.embeddedPostDate")}
        </label>
        <input
          id={`${fieldId}-date`}
          type="datetime-local"
          value={when}
          aria-describedby={clockId}
          onChange={(event) => {
            setWhen(event.target.value);
            const instant = instantOnSiteClock(event.target.value, words.timeZone);
            const { date: _date, ...rest } = block;
            onChange(instant ? { ...rest, date: instant.toISOString() } : rest);
          }}
        />
        <p id={clockId} className={styles.hint}>
          {words.text("newsroom.siteClock", {
            zone: zoneName(instantOnSiteClock(when, words.timeZone) ?? new Date(), words.timeZone, words.locale),
          })}
        </p>
      </div>
    </>
  );
}
