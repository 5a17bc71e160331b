// The frame of every page (masthead, the page, footer), and what the pages get from the app through
// context: headline links learn here how to load the story page's code ahead of a click.
import { type MouseEvent, useEffect, useRef } from "react";
import { Outlet, ScrollRestoration, useLocation, useNavigation, useNavigationType } from "react-router";
import { useSuspenseData } from "../api/cachedQuery";
import { sectionsQuery } from "../api/queries";
import { StoryPageLoader } from "../headlines/prefetchStory";
import { loadStoryPage } from "../routes/story/route";
import { SearchBox } from "../search/SearchBox";
import { keepsFocus } from "../search/searchNavigation";
import { useWords } from "../words/useWords";
import styles from "./Layout.module.css";
import { isCurrent, LinkFollower, ReaderLink, useLinkFollower } from "./ReaderLink";
import { useSite } from "./siteContext";

/** The frame of every page: masthead with the sections, the page, and the footer. */
export function Layout() {
  const { data: sections } = useSuspenseData(sectionsQuery());
  const site = useSite();
  const navigation = useNavigation();
  const followed = useFocusOnNavigation();
  const follow = useLinkFollower();
  const { pathname } = useLocation();
  const current = (to: string) => (isCurrent(pathname, to) ? "page" : undefined);
  const words = useWords();
  // The page says when the app has taken it over (<html data-hydrated>), for its browser tests.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return (
    <StoryPageLoader value={loadStoryPage}>
      <LinkFollower value={follow}>
        <a className={styles.skipLink} href="#main">
          {words.text("layout.skipToContent")}
        </a>
        <header className={styles.masthead}>
          <div className={styles.bar}>
            <ReaderLink to="/" className={styles.brand}>
              {site.name}
            </ReaderLink>
            <nav aria-label={words.text("layout.sections")}>
              <ul className={styles.sections}>
                {sections.map((section) => (
                  <li key={section.slug}>
                    <ReaderLink to={`/sections/${section.slug}`} aria-current={current(`/sections/${section.slug}`)}>
                      {section.name}
                    </ReaderLink>
                  </li>
                ))}
              </ul>
            </nav>
            <ReaderLink to="/saved" className={styles.savedLink} aria-current={current("/saved")}>
              {words.text("layout.saved")}
            </ReaderLink>
            <div className={styles.search}>
              <SearchBox id="masthead-search" />
            </div>
          </div>
        </header>
        {navigation.state !== "idle" && (
          <div
            className={styles.progress}
            role="progressbar"
            aria-label={words.text("layout.loadingPage")}
            aria-valuetext={words.text("layout.loading")}
          />
        )}
        <main id="main" className={styles.main} tabIndex={-1} onClickCapture={followed}>
          <Outlet />
        </main>
        <footer className={styles.footer}>
          <p>
            {words.parts("layout.footer", (name) =>
              name === "site" ? (
                <ReaderLink key={name} to="/">
                  {site.name}
                </ReaderLink>
              ) : name === "tagline" ? (
                site.tagline
              ) : (
                name
              ),
            )}
          </p>
          {site.footerLinks && (
            <ul className={styles.footerLinks}>
              {site.footerLinks.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          )}
        </footer>
        <ScrollRestoration />
      </LinkFollower>
    </StoryPageLoader>
  );
}

/**
 * After a client-side navigation, move focus to the new page's heading, as a page load would reset
 * it. Back and Forward instead put focus back on the link the reader followed from that page's
 * main part, where the scroll comes back to, so the next Tab goes on from there (not from the top).
 * Returns what notes the link followed: its place among the page's links, per page in the history.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const firstKey = useRef(location.key);
  const followed = useRef(new Map<string, number>());
  useEffect(() => {
    if (location.key === firstKey.current || location.hash || keepsFocus(location.state)) return;
    const link = navigationType === "POP" ? followed.current.get(location.key) : undefined;
    (document.links[link ?? -1] ?? document.querySelector<HTMLElement>("main h1"))?.focus({ preventScroll: true });
  }, [location.key, location.hash, location.state, navigationType]);
  return (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest("a");
    if (link) followed.current.set(location.key, [...document.links].indexOf(link));
  };
}
