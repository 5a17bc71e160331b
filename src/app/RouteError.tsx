import { isRouteErrorResponse, useRevalidator, useRouteError } from "react-router";
import { NotFoundPage } from "../routes/NotFoundPage";
import styles from "./RouteError.module.css";

/** What a reader sees when a page cannot be shown: the 404 page, or a message with a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <section className={styles.error}>
      <h1 tabIndex={-1}>This page could not be loaded</h1>
      <p>Something went wrong on the way to you. Check your connection, then try again.</p>
      <button type="button" onClick={() => revalidator.revalidate()} disabled={revalidator.state === "loading"}>
        {revalidator.state === "loading" ? "Trying again…" : "Try again"}
      </button>
    </section>
  );
}
