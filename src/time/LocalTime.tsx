import { useHydrated } from "../app/useHydrated";

// The server does not know the reader's time zone: it writes UTC, and the browser rewrites the
// time in the reader's own zone and language once the page has hydrated.
const serverFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
let readerFormat: Intl.DateTimeFormat | undefined;

/** The reader's format, made once: making a formatter costs far more than formatting with one. */
function readerFormatter(): Intl.DateTimeFormat {
  readerFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  return readerFormat;
}

export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const text = useHydrated() ? readerFormatter().format(date) : `${serverFormat.format(date)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
