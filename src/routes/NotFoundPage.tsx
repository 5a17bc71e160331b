import { Link } from "react-router";
import styles from "./NotFoundPage.module.css";

export function NotFoundPage() {
  return (
    <section className={styles.notFound}>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is no page at this address. The story may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to the front page</Link>
      </p>
    </section>
  );
}
