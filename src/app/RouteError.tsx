import { isRouteErrorResponse, useRevalidator, useRouteError } from "react-router";
import { NotFoundPage } from "../routes/NotFoundPage";
import { useWords } from "../words/useWords";
import styles from "./RouteError.module.css";

/** What a reader sees when a page cannot be shown: the 404 page, or a message with a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const words = useWords();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <section className={styles.error}>
      <h1 tabIndex={-1}>{words.text("error.loadFailedTitle")}</h1>
      <p>{words.text("error.loadFailedText")}</p>
      <button type="button" onClick={() => revalidator.revalidate()} disabled={revalidator.state === "loading"}>
        {words.text(revalidator.state === "loading" ? "error.tryingAgain" : "error.tryAgain")}
      </button>
    </section>
  );
}
