// An invitation's page (/newsroom/invitations/TOKEN; the link an admin sends is /invitations/TOKEN,
// which leads here): the new member of staff chooses a password, which uses the invitation up and
// signs them in, then the stories.
import { type FormEvent, useId, useState } from "react";
import { useLoaderData, useNavigate, useParams } from "react-router";
import { useWords } from "../words/useWords";
import styles from "./newsroom.module.css";
import { acceptInvitation, NewsroomError } from "./newsroomApi";
import { NEWSROOM_PATH } from "./paths";

export interface InvitationPageData {
  /** Whom it is for; null when it was used, has expired, or never was. */
  email: string | null;
}

export function InvitationPage() {
  const words = useWords();
  const { email } = useLoaderData() as InvitationPageData;
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setBusy(true);
    setProblem(null);
    try {
      await acceptInvitation(token, password);
      navigate(NEWSROOM_PATH, { replace: true });
    } catch (error) {
      const code = error instanceof NewsroomError ? error.code : "";
      setProblem(
        words.text(
          code === "invalid_account"
            ? "newsroom.passwordRefused"
            : code === "invitation_invalid"
              ? "newsroom.invitationInvalid"
              : "newsroom.failed",
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.signIn}>
      <h1>{words.text("newsroom.invitationTitle")}</h1>
      {email === null ? (
        <p>{words.text("newsroom.invitationInvalid")}</p>
      ) : (
        <form onSubmit={submit} className={styles.form} aria-describedby={problem ? problemId : undefined}>
          <p>{words.text("newsroom.invitationFor", { email })}</p>
          <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
          <label>
            <span>{words.text("newsroom.newPassword")}</span>
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={256}
              required
            />
          </label>
          <p id={problemId} role="alert" className={styles.problem}>
            {problem}
          </p>
          <button type="submit" className={styles.primary} disabled={busy}>
            {words.text("newsroom.setPassword")}
          </button>
        </form>
      )}
    </main>
  );
}
