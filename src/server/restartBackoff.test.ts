import { describe, expect, it } from "vitest";
import { RESTART_POLICY, RestartBackoff } from "./restartBackoff";

describe("RestartBackoff", () => {
  it("starts a dead process again at once, then after doubling waits while processes die young", () => {
    const backoff = new RestartBackoff();
    const waits = Array.from({ length: 9 }, () => backoff.next(200));
    expect(waits).toEqual([0, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("counts again from the start once a process has lived a while", () => {
    const backoff = new RestartBackoff();
    for (let i = 0; i < 5; i++) backoff.next(100);
    expect(backoff.next(RESTART_POLICY.healthyAfterMs)).toBe(0);
    expect(backoff.next(100)).toBe(500);
  });
});
