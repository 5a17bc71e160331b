// Signing in with a passkey (passkeys.ts), or with an email and a password (POST /api/session). A
// wrong pair and a throttled account each get their own words; the form keeps what was typed but
// the password.
import { type FormEvent, useId, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useWords } from "../words/useWords";
import own from "./account.module.css";
import styles from "./newsroom.module.css";
import { NewsroomError, signIn } from "./newsroomApi";
import { passkeysWork, signInWithPasskey } from "./passkeys";
import { afterSignIn } from "./paths";

export function SignInPage() {
  const words = useWords();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const withPasskey = async () => {
    setProblem(null);
    if (!passkeysWork()) {
      setProblem(words.text("newsroom.passkeyUnsupported"));
      return;
    }
    setBusy(true);
    try {
      await signInWithPasskey();
      navigate(afterSignIn(params.get("next")), { replace: true });
    } catch (error) {
      setProblem(
        words.text(
          error instanceof NewsroomError && error.status === 429 ? "newsroom.signInTooMany" : "newsroom.passkeyFailed",
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    setBusy(true);
    setProblem(null);
    try {
      await signIn(String(fields.get("email") ?? ""), String(fields.get("password") ?? ""));
      navigate(afterSignIn(params.get("next")), { replace: true });
    } catch (error) {
      const status = error instanceof NewsroomError ? error.status : 0;
      setProblem(
        words.text(
          status === 401 || status === 400
            ? "newsroom.signInWrong"
            : status === 429
              ? "newsroom.signInTooMany"
              : "newsroom.failed",
        ),
      );
      const password = form.elements.namedItem("password");
      if (password instanceof HTMLInputElement) {
        password.value = "";
        password.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.signIn}>
      <h1>{words.text("newsroom.signInTitle")}</h1>
      <p>
        <button type="button" className={styles.primary} onClick={withPasskey} disabled={busy}>
          {words.text("newsroom.signInWithPasskey")}
        </button>
      </p>
      <h2 className={own.or}>{words.text("newsroom.orPassword")}</h2>
      <form onSubmit={submit} className={styles.form} aria-describedby={problem ? problemId : undefined}>
        <label>
          <span>{words.text("newsroom.email")}</span>
          <input name="email" type="email" autoComplete="username webauthn" required />
        </label>
        <label>
          <span>{words.text("newsroom.password")}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <p id={problemId} role="alert" className={styles.problem}>
          {problem}
        </p>
        <button type="submit" className={styles.quiet} disabled={busy}>
          {words.text(busy ? "newsroom.signingIn" : "newsroom.signIn")}
        </button>
      </form>
    </main>
  );
}
