import { describe, expect, it } from "vitest";
import type { PageData } from "../../app/pageData";
import { scriptSafeJson } from "../../head/head";
import { catalogueFor } from "../../words/catalogues";
import { readersCatalogue } from "../../words/words";
import { pageDataJson } from "./pageRoutes";

const site = {
  name: "Harbour Post <&> \u2028",
  description: "A site",
  url: "https://example.org",
  language: "en",
  locale: "en-GB",
  timeZone: "Europe/London",
} as unknown as PageData["site"];

describe("pageDataJson", () => {
  it("writes what scriptSafeJson writes, byte for byte, page after page with the same site", () => {
    const catalogue = readersCatalogue(catalogueFor("en"));
    for (const headline of ["One </script>", "Two & \u2029 <b>", "Three"]) {
      const data = {
        site,
        catalogue,
        queries: { mutations: [], queries: [{ queryKey: ["story", "x"], state: { data: { headline } } }] },
      } as unknown as PageData;
      expect(pageDataJson(data)).toBe(scriptSafeJson(data));
    }
  });

  it("writes the whole data as it is when it carries more than the three parts", () => {
    const data = { site, catalogue: {}, queries: { mutations: [], queries: [] }, more: 1 } as unknown as PageData;
    expect(pageDataJson(data)).toBe(scriptSafeJson(data));
  });
});
