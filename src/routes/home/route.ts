// The front page, declared once: its address, and a loader that fills the cache with everything
// HomePage reads (the latest and each section's newest) and says its head. Most read is fetched by
// the browser (headlines/MostRead.tsx).
import { sectionsQuery, storiesQuery } from "../../api/queries";
import { definePage } from "../../app/definePage";
import { pageHead } from "../../head/head";
import { organizationData, webSite } from "../../head/structuredData";
import { HOME_LATEST, homeSectionQuery } from "./queries";

export const homePage = definePage({
  id: "home",
  index: true,
  module: "src/routes/home/HomePage.tsx",
  loader: async (_args, { queryClient, site }) => {
    const sections = await queryClient.ensureQueryData(sectionsQuery());
    await Promise.all([
      queryClient.ensureQueryData(storiesQuery({ limit: HOME_LATEST })),
      ...sections.map((section) => queryClient.ensureQueryData(homeSectionQuery(section.slug))),
    ]);
    return {
      head: pageHead(site, {
        title: site.name,
        description: site.description,
        path: "/",
        jsonLd: [webSite(site), organizationData(site)],
      }),
    };
  },
});
