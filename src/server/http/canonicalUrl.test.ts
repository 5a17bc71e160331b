import { describe, expect, it } from "vitest";
import { canonicalPageUrl } from "./canonicalUrl";

describe("canonicalPageUrl", () => {
  it.each([
    ["/stories/ferry-returns/", "/stories/ferry-returns"],
    ["/sections/city//", "/sections/city"],
    ["/stories/Ferry-Returns", "/stories/ferry-returns"],
    ["/stories/ferry-returns?utm_source=x&utm_medium=social", "/stories/ferry-returns"],
    ["/stories/ferry-returns?fbclid=abc", "/stories/ferry-returns"],
    ["/stories/ferry-returns?gclid=abc&t=30", "/stories/ferry-returns?t=30"],
    ["/stories/FERRY/?quote=3&utm_campaign=c", "/stories/ferry?quote=3"],
    ["//evil.example/", "/evil.example"],
    ["///evil.example", "/evil.example"],
  ])("sends %s to %s", (from, to) => {
    expect(canonicalPageUrl(from)).toBe(to);
  });

  it.each([
    "/",
    "/stories/ferry-returns",
    "/stories/ferry-returns?t=30",
    "/stories/ferry-returns?quote=2",
    "/sections/city",
    "/stories/%3Cscript%3E",
    "/search?q=Ferry",
  ])("leaves the canonical %s alone", (url) => {
    expect(canonicalPageUrl(url)).toBeNull();
  });
});
