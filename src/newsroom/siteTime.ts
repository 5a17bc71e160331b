// Wall-clock times in the site's time zone (site config `timeZone`), for the schedule's
// date-time field: a `datetime-local` input holds a time with no zone, which the newsroom reads as
// the site's, not the browser's (a sub-editor abroad schedules for the newsroom's 06:00). Intl
// gives a zone's offset at an instant; the platform has no zoned parse yet (Temporal), so the
// instant of a wall time is found from the offset, checked once more across a change of clocks.

/** The fields of an instant's wall time in `timeZone`, as numbers. */
function wallFields(instant: Date, timeZone: string) {
  // Parts only, in a fixed numbering system and a 24-hour clock: nothing here is shown.
  const parts = new Intl.DateTimeFormat("en-US-u-nu-latn", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
    second: field("second"),
  };
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const wall = wallFields(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const two = (value: number) => String(value).padStart(2, "0");

/** An instant as a `datetime-local` value on the site's clock: "2026-12-07T06:00". */
export function siteWallTime(instant: Date, timeZone: string): string {
  const wall = wallFields(instant, timeZone);
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}`;
}

/**
 * The instant a `datetime-local` value names on the site's clock, or null when it is no date-time.
 * A time the clocks skip or repeat (a change of clocks) gets the offset in force just after it.
 */
export function instantOnSiteClock(wallTime: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const asUtc = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetAt(new Date(asUtc), timeZone);
  return new Date(asUtc - offsetAt(new Date(first), timeZone));
}

/** The zone's long name in the site's language ("Central European Standard Time") at `instant`. */
export function zoneName(instant: Date, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" }).formatToParts(instant);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
