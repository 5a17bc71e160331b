// The section, tag and author pages, declared once each, over one ListingPage: their addresses, and
// loaders that fill the cache with the heading's subject and the first page of stories (from
// `?before=`, a cursor, when given) and say the page's head. An unknown subject is a 404.
import { data } from "react-router";
import { authorQuery, sectionsQuery, tagQuery } from "../../api/queries";
import { definePage, orNotFound } from "../../app/definePage";
import { pageHead } from "../../head/head";
import { breadcrumbs, profilePage } from "../../head/structuredData";
import { listingQuery } from "./queries";

const listingModule = "src/routes/listing/ListingPage.tsx";

/** `?before=` on a listing page: where the list starts. */
const before = (request: Request) => new URL(request.url).searchParams.get("before") ?? undefined;

export const sectionPage = definePage({
  id: "section",
  path: "sections/:section",
  module: listingModule,
  loader: async ({ params, request }, { queryClient, site, words }) => {
    const sections = await queryClient.ensureQueryData(sectionsQuery());
    const section = sections.find((s) => s.slug === params.section);
    if (!section) throw data("Not found", { status: 404 });
    await orNotFound(queryClient.ensureInfiniteQueryData(listingQuery({ section: section.slug }, before(request))));
    return {
      head: pageHead(site, {
        title: section.name,
        description: words.text("listing.sectionDescription", { section: section.name, site: site.name }),
        path: `/sections/${section.slug}`,
        feed: `/sections/${section.slug}/feed.xml`,
        jsonLd: [breadcrumbs(site, [{ name: section.name, path: `/sections/${section.slug}` }])],
      }),
    };
  },
});

export const tagPage = definePage({
  id: "tag",
  path: "tags/:tag",
  module: listingModule,
  loader: async ({ params, request }, { queryClient, site, words }) => {
    const tag = await orNotFound(queryClient.ensureQueryData(tagQuery(params.tag ?? "")));
    await orNotFound(queryClient.ensureInfiniteQueryData(listingQuery({ tag: tag.slug }, before(request))));
    return {
      head: pageHead(site, {
        title: tag.name,
        description: words.text("listing.tagDescription", { tag: tag.name, site: site.name }),
        path: `/tags/${tag.slug}`,
        jsonLd: [breadcrumbs(site, [{ name: tag.name, path: `/tags/${tag.slug}` }])],
      }),
    };
  },
});

export const authorPage = definePage({
  id: "author",
  path: "authors/:author",
  module: listingModule,
  loader: async ({ params, request }, { queryClient, site, words }) => {
    const author = await orNotFound(queryClient.ensureQueryData(authorQuery(params.author ?? "")));
    await orNotFound(queryClient.ensureInfiniteQueryData(listingQuery({ author: author.slug }, before(request))));
    return {
      head: pageHead(site, {
        title: author.name,
        description: words.text("listing.authorDescription", { author: author.name, site: site.name }),
        path: `/authors/${author.slug}`,
        jsonLd: [
          profilePage(site, author),
          breadcrumbs(site, [{ name: author.name, path: `/authors/${author.slug}` }]),
        ],
      }),
    };
  },
});
