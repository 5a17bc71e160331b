// The site's time zone (its config's timeZone, decision 029): every time a reader sees (pages,
// feeds' story HTML) is written in it and names it ("23 Nov 2026, 07:45 UTC"), by the server and
// by the browser alike, so a page reads the same before and after its script runs, and a reader
// in another zone is never left to guess which zone a time is in.

/** One formatter per zone, made on first use. */
const formats = new Map<string, Intl.DateTimeFormat>();

function siteFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** An instant as the site writes it in its zone: "23 Nov 2026, 07:45 UTC". */
export const formatSiteTime = (instant: string | Date, timeZone: string): string =>
  siteFormat(timeZone).format(new Date(instant));
