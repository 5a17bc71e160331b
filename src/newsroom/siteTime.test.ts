// The schedule's field reads and writes times on the site's clock, whatever the browser's zone.
import { describe, expect, it } from "vitest";
import { instantOnSiteClock, siteWallTime, zoneName } from "./siteTime";

describe("times on the site's clock", () => {
  it.each([
    ["Europe/London", "2026-12-07T06:00", "2026-12-07T06:00:00.000Z"],
    ["Europe/London", "2026-07-01T06:00", "2026-07-01T05:00:00.000Z"],
    ["Asia/Tokyo", "2026-12-07T06:00", "2026-12-06T21:00:00.000Z"],
    ["America/Los_Angeles", "2026-03-08T12:30", "2026-03-08T19:30:00.000Z"],
    ["Asia/Kolkata", "2026-12-07T06:00", "2026-12-07T00:30:00.000Z"],
  ])("%s: %s is %s, and back", (zone, wall, instant) => {
    expect(instantOnSiteClock(wall, zone)?.toISOString()).toBe(instant);
    expect(siteWallTime(new Date(instant), zone)).toBe(wall);
  });

  it("reads seconds when given, and nothing that is not a date-time", () => {
    expect(instantOnSiteClock("2026-12-07T06:00:30", "UTC")?.toISOString()).toBe("2026-12-07T06:00:30.000Z");
    expect(instantOnSiteClock("", "UTC")).toBeNull();
    expect(instantOnSiteClock("tomorrow", "UTC")).toBeNull();
  });

  it("gives a time the clocks skip an instant near it", () => {
    // London skips 01:00–02:00 on 29 March 2026.
    const skipped = instantOnSiteClock("2026-03-29T01:30", "Europe/London") as Date;
    expect(Math.abs(skipped.getTime() - Date.parse("2026-03-29T01:00:00Z"))).toBeLessThanOrEqual(3_600_000);
  });

  it("names the zone in the site's language", () => {
    expect(zoneName(new Date("2026-12-07T06:00:00Z"), "Europe/Madrid", "es-ES")).toBe(
      "hora estándar de Europa central",
    );
    expect(zoneName(new Date("2026-12-07T06:00:00Z"), "Asia/Tokyo", "en-GB")).toBe("Japan Standard Time");
  });
});
