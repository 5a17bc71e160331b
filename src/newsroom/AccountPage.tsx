// The signed-in person's account (/newsroom/account): who they are, and their passkeys, which they
// add on this device (or a security key) and remove, each named by when it was added.
import { useId, useState } from "react";
import { useLoaderData, useRouteLoaderData } from "react-router";
import { useWords } from "../words/useWords";
import own from "./account.module.css";
import styles from "./newsroom.module.css";
import type { Session } from "./newsroomApi";
import { addPasskey, listPasskeys, type Passkey, passkeysWork, removePasskey } from "./passkeys";

export interface AccountPageData {
  passkeys: Passkey[];
}

export const accountPageData = async (): Promise<AccountPageData> => ({ passkeys: await listPasskeys() });

export function AccountPage() {
  const words = useWords();
  const session = useRouteLoaderData("staff") as Session;
  const loaded = useLoaderData() as AccountPageData;
  const [passkeys, setPasskeys] = useState(loaded.passkeys);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();

  const attempt = async (work: () => Promise<void>, success: string, failure: string) => {
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      await work();
      setPasskeys(await listPasskeys());
      setDone(success);
    } catch {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };
  const add = () => {
    if (!passkeysWork()) {
      setProblem(words.text("newsroom.passkeyUnsupported"));
      return;
    }
    void attempt(
      async () => {
        await addPasskey();
      },
      words.text("newsroom.passkeyAdded"),
      words.text("newsroom.passkeyNotAdded"),
    );
  };
  const remove = (id: string) =>
    void attempt(() => removePasskey(id), words.text("newsroom.passkeyRemoved"), words.text("newsroom.failed"));

  return (
    <>
      <h1>{words.text("newsroom.account")}</h1>
      {session.account ? (
        <p>{words.text("newsroom.accountIs", { name: session.account.name, email: session.account.email })}</p>
      ) : null}
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{words.text("newsroom.passkeys")}</h2>
        <p className={own.about}>{words.text("newsroom.passkeysAbout")}</p>
        {passkeys.length === 0 ? (
          <p>{words.text("newsroom.noPasskeys")}</p>
        ) : (
          <ul className={own.passkeys}>
            {passkeys.map((passkey) => {
              const time = words.time(passkey.createdAt);
              return (
                <li key={passkey.id} className={own.passkey}>
                  <span>{words.text("newsroom.passkeyAddedAt", { time })}</span>
                  <button
                    type="button"
                    className={styles.quiet}
                    disabled={busy}
                    aria-label={words.text("newsroom.removePasskey", { time })}
                    onClick={() => remove(passkey.id)}
                  >
                    {words.text("newsroom.remove")}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className={styles.actions}>
          <button type="button" className={styles.primary} disabled={busy} onClick={add}>
            {words.text(busy ? "newsroom.addingPasskey" : "newsroom.addPasskey")}
          </button>
          <p role="status" className={own.done}>
            {done}
          </p>
        </div>
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      </section>
    </>
  );
}
