import { describe, expect, it } from "vitest";
import { slugify } from "./slug";
import { slugSchema } from "./story";

describe("slugify", () => {
  it("writes a Latin name without its accents, as before", () => {
    expect(slugify("Café Society!")).toBe("cafe-society");
    expect(slugify("Müller & Sons: 3 years on")).toBe("muller-sons-3-years-on");
  });

  it("writes Cyrillic, Greek and Arabic names in Latin letters", () => {
    expect(slugify("Каменово прие бюджета си")).toBe("kamenovo-prie-byudzheta-si");
    expect(slugify("Σεισμός στην Κρήτη")).toBe("seismos-stin-kriti");
    expect(slugify("بارش برف در تهران")).toMatch(/^[a-z0-9-]+$/);
    expect(slugify("بارش برف در تهران").length).toBeGreaterThan(8);
  });

  it("gives a name in a script it cannot write a slug of its own, the same each time", () => {
    for (const name of ["台北捷運新線通車", "मुंबई में बारिश", "ฝนตกหนักในกรุงเทพ", "서울 첫눈", "שביתה בנמל"]) {
      const slug = slugify(name);
      expect(slugSchema.safeParse(slug).success, `${name} → ${slug}`).toBe(true);
      expect(slugify(name)).toBe(slug);
    }
    expect(slugify("台北捷運新線通車")).not.toBe(slugify("台北捷運新線停駛"));
    expect(slugify("서울 첫눈")).not.toBe(slugify("서울 눈"));
  });

  it("keeps a name's Latin words beside its fingerprint when the rest cannot be written", () => {
    expect(slugify("MRT 新線 2 號")).toMatch(/^mrt-2-[a-z0-9]+$/);
  });

  it("stays within the slug's 120 characters", () => {
    const slug = slugify(`${"long words ".repeat(20)}終わり`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slugSchema.safeParse(slug).success).toBe(true);
    expect(slug).not.toBe(slugify(`${"long words ".repeat(20)}始まり`));
  });
});
