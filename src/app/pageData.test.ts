import { dehydrate, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { withTimestamps } from "./pageData";

describe("withTimestamps", () => {
  it("makes the server's cache timeless, and the browser's fresh as of the page's arrival", () => {
    const client = new QueryClient();
    client.setQueryData(["story", "a"], { headline: "A" });
    const server = withTimestamps(dehydrate(client), 0);
    expect(server.queries[0]?.state.dataUpdatedAt).toBe(0);
    expect(JSON.stringify(withTimestamps(dehydrate(client), 0))).toBe(JSON.stringify(server));
    const browser = withTimestamps(server, 1_800_000_000_000);
    expect(browser.queries[0]?.state.dataUpdatedAt).toBe(1_800_000_000_000);
    expect(browser.queries[0]?.dehydratedAt).toBe(1_800_000_000_000);
  });
});
