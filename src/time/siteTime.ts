// The site's time zone, in one place: every time a reader sees (pages, feeds' story HTML) is written
// in it and names it ("23 Nov 2026, 07:45 UTC"), by the server and by the browser alike, so a page
// reads the same before and after its script runs, and a reader in another zone is never left to
// guess which zone a time is in. Issue 15 makes the zone (and the language) configurable.
export const SITE_TIME_ZONE = "UTC";

const siteFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: SITE_TIME_ZONE,
  timeZoneName: "short",
});

/** An instant as the site writes it: "23 Nov 2026, 07:45 UTC". */
export const formatSiteTime = (instant: string | Date): string => siteFormat.format(new Date(instant));
