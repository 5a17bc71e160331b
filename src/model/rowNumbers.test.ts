import { describe, expect, it } from "vitest";
import { INTEGER_COLUMN_MAX, rowNumber } from "./rowNumbers";

describe("rowNumber", () => {
  it("reads decimal digits within the column's range", () => {
    expect(rowNumber("entryId", "1")).toBe(1);
    expect(rowNumber("entryId", String(INTEGER_COLUMN_MAX))).toBe(INTEGER_COLUMN_MAX);
    expect(rowNumber("revision", "42")).toBe(42);
    expect(rowNumber("changeId", "0")).toBe(0);
    expect(rowNumber("changeId", "9007199254740991")).toBe(9007199254740991);
  });

  it("refuses a number past what a PostgreSQL integer holds, and one past an exact JavaScript number", () => {
    expect(rowNumber("entryId", "2147483648")).toBeNull();
    expect(rowNumber("revision", "9999999999")).toBeNull();
    expect(rowNumber("changeId", "9007199254740992")).toBeNull();
    expect(rowNumber("entryId", "9".repeat(400))).toBeNull();
  });

  it("refuses what is not plain decimal digits, and numbers below the range", () => {
    for (const value of ["", "0", "-1", "+1", "01", "1e3", "0x10", " 5", "5 ", "1.0", "١"])
      expect(rowNumber("entryId", value), JSON.stringify(value)).toBeNull();
    expect(rowNumber("changeId", "00")).toBeNull();
  });
});
