// The search page (declared in route.ts; this is its chunk): the results for the query in the
// address, best matches first, with the matching words marked; before a search, the most read.

import { useSearchParams } from "react-router";
import { useSuspenseData } from "../../api/cachedQuery";
import { searchQuery } from "../../api/queries";
import { ownLanguage, siteLanguage } from "../../app/ownLanguage";
import { ReaderLink } from "../../app/ReaderLink";
import { useSite } from "../../app/siteContext";
import { HeadlineLink } from "../../headlines/HeadlineLink";
import { MostRead } from "../../headlines/MostRead";
import type { SearchHit, Snippet } from "../../model/search";
import { SiteTime } from "../../time/SiteTime";
import { useWords } from "../../words/useWords";
import { searchPageParams } from "./queries";
import styles from "./SearchPage.module.css";

export default function SearchPage() {
  const [params] = useSearchParams();
  const search = searchPageParams(params);
  const words = useWords();
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading" className={styles.heading} tabIndex={-1}>
        {search.q ? words.text("search.titleFor", { q: search.q }) : words.text("search.title")}
      </h1>
      {!search.q && <p className={styles.count}>{words.text("search.hint")}</p>}
      {!search.q && <MostRead />}
      {search.q && <SearchResults q={search.q} cursor={search.cursor} />}
    </section>
  );
}

function SearchResults({ q, cursor }: { q: string; cursor?: string }) {
  const { data } = useSuspenseData(searchQuery({ q, ...(cursor ? { cursor } : {}) }));
  const words = useWords();
  return (
    <>
      <p className={styles.count} role="status">
        {data.items.length === 0
          ? words.text("search.none", { q })
          : words.text(cursor ? "search.more" : "search.bestFirst")}
      </p>
      <ol className={styles.results}>
        {data.items.map((hit) => (
          <SearchResult key={hit.slug} hit={hit} />
        ))}
      </ol>
      {data.nextCursor && (
        <p>
          <ReaderLink to={`/search?${new URLSearchParams({ q, cursor: data.nextCursor })}`}>
            {words.text("search.more")}
          </ReaderLink>
        </p>
      )}
    </>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const site = useSite();
  const own = ownLanguage(hit.language, site);
  return (
    <li className={styles.result}>
      <article {...own}>
        <h2 className={styles.headline}>
          <HeadlineLink slug={hit.slug}>
            <bdi>{hit.headline}</bdi>
          </HeadlineLink>
        </h2>
        <p className={styles.snippet}>
          <SnippetText parts={hit.snippet} />
        </p>
        <p className={styles.meta} {...siteLanguage(own, site)}>
          {hit.section.name} · <SiteTime iso={hit.publishedAt} />
        </p>
      </article>
    </li>
  );
}

function SnippetText({ parts }: { parts: Snippet }) {
  return parts.map((part, index) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts have no identity but their place
    part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
  );
}
