// Schema.org structured data shared by the site's pages (JSON-LD): the site and its search, the
// organization that publishes it with its logo, and where a page sits (breadcrumbs).
import type { Site } from "./head";

const CONTEXT = "https://schema.org";

/** The publisher's logo (the site config's, fitted into 512×512 by server/site/siteFiles.ts), with its size. */
const LOGO = { path: "/logo.png", width: 512, height: 512 } as const;

const absolute = (site: Site, path: string) => new URL(path, site.url).href;

/** The publisher (the site's config names it; the site itself when it does not): named, with its home page and a sized logo. */
export function organization(site: Site) {
  return {
    "@type": "Organization",
    "@id": absolute(site, "/#organization"),
    name: site.publisher?.name ?? site.name,
    url: site.publisher?.url ?? absolute(site, "/"),
    logo: { "@type": "ImageObject", url: absolute(site, LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

/** The site, with the search a search engine may offer in its results (`/search?q=`). */
export function webSite(site: Site) {
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    "@id": absolute(site, "/#website"),
    name: site.name,
    inLanguage: site.language,
    url: absolute(site, "/"),
    publisher: { "@id": absolute(site, "/#organization") },
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absolute(site, "/search")}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

export function organizationData(site: Site) {
  return { "@context": CONTEXT, ...organization(site) };
}

/** The trail from the front page to a page: each step a name and a path, the page itself last. */
export function breadcrumbs(site: Site, trail: { name: string; path: string }[]) {
  const steps = [{ name: site.name, path: "/" }, ...trail];
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: steps.map((step, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: step.name,
      item: absolute(site, step.path),
    })),
  };
}

/** An author's page: a profile of the person, whose stories it lists. */
export function profilePage(site: Site, author: { name: string; slug: string }) {
  const url = absolute(site, `/authors/${author.slug}`);
  return {
    "@context": CONTEXT,
    "@type": "ProfilePage",
    url,
    mainEntity: { "@type": "Person", "@id": `${url}#person`, name: author.name, url },
  };
}
