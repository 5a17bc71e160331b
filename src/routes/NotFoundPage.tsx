import { ReaderLink } from "../app/ReaderLink";
import { useWords } from "../words/useWords";
import styles from "./NotFoundPage.module.css";

export function NotFoundPage() {
  const words = useWords();
  return (
    <section className={styles.notFound}>
      <h1 tabIndex={-1}>{words.text("error.notFoundTitle")}</h1>
      <p>{words.text("error.notFoundText")}</p>
      <p>
        <ReaderLink to="/">{words.text("error.frontPage")}</ReaderLink>
      </p>
    </section>
  );
}
