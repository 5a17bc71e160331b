// The most read page (declared in route.ts; this is its chunk).
import { useQuery } from "@tanstack/react-query";
import { mostReadQuery } from "../../api/queries";
import { MostReadList } from "../../headlines/MostRead";
import styles from "../saved/SavedPage.module.css";

export default function MostReadPage() {
  const { data: stories = [] } = useQuery(mostReadQuery());
  return (
    <section className={styles.saved}>
      <h1 className={styles.heading} tabIndex={-1}>
        Most read
      </h1>
      {stories.length > 0 ? (
        <MostReadList stories={stories} />
      ) : (
        <p className={styles.note}>No stories have been read yet today.</p>
      )}
    </section>
  );
}
