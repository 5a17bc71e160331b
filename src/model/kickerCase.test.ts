import { describe, expect, it } from "vitest";
import { kickerCase } from "./kickerCase";

describe("kickerCase", () => {
  it("gives a kicker typed in capitals in ordinary case", () => {
    expect(kickerCase("WATCH")).toBe("Watch");
    expect(kickerCase("EXPLAINER")).toBe("Explainer");
    expect(kickerCase("BREAKING NEWS")).toBe("Breaking news");
    expect(kickerCase("ΑΝΑΛΥΣΗ")).toBe("Αναλυση");
  });

  it("keeps short words in capitals, most likely initials", () => {
    expect(kickerCase("UK ELECTION")).toBe("UK election");
    expect(kickerCase("NHS")).toBe("NHS");
  });

  it("leaves a kicker typed in mixed case, or with no letters, as it is", () => {
    expect(kickerCase("Watch")).toBe("Watch");
    expect(kickerCase("iPhone REVIEW")).toBe("iPhone REVIEW");
    expect(kickerCase("2026")).toBe("2026");
  });
});
