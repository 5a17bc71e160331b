// The frame of every newsroom page behind the session: who is signed in, the way out, and the page.
import { Link, Outlet, useLoaderData, useNavigate } from "react-router";
import { useWords } from "../words/useWords";
import own from "./account.module.css";
import styles from "./newsroom.module.css";
import { type Session, signOut } from "./newsroomApi";
import { ACCOUNT_PATH, NEWSROOM_PATH, SIGN_IN_PATH } from "./paths";

export function NewsroomLayout() {
  const words = useWords();
  const session = useLoaderData() as Session;
  const navigate = useNavigate();
  const name = session.account?.name ?? session.role;

  const leave = async () => {
    await signOut().catch(() => {});
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <>
      <header className={styles.masthead}>
        <Link to={NEWSROOM_PATH} className={styles.home}>
          {words.text("newsroom.title")}
        </Link>
        <p className={styles.who}>{words.text("newsroom.signedInAs", { name })}</p>
        {session.account ? (
          <Link to={ACCOUNT_PATH} className={own.accountLink}>
            {words.text("newsroom.account")}
          </Link>
        ) : null}
        <button type="button" onClick={leave} className={styles.quiet}>
          {words.text("newsroom.signOut")}
        </button>
      </header>
      <main className={styles.page}>
        <Outlet />
      </main>
    </>
  );
}
