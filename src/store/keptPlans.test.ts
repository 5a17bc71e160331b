import { describe, expect, it } from "vitest";
import { valuesHiddenFromPlanner } from "./keptPlans";

describe("valuesHiddenFromPlanner", () => {
  it("writes each parameter as +?", () => {
    expect(valuesHiddenFromPlanner(`select "a" from "t" where "b" = ? and ("c", "d") < (?, ?) limit ?`, 4)).toBe(
      `select "a" from "t" where "b" = +? and ("c", "d") < (+?, +?) limit +?`,
    );
    expect(valuesHiddenFromPlanner(`select 1 from "t" where "a" in (?, ?)`, 2)).toBe(
      `select 1 from "t" where "a" in (+?, +?)`,
    );
  });

  it("leaves a ? inside a string or a quoted name alone", () => {
    expect(valuesHiddenFromPlanner(`select '?', 'it''s ?', "odd?" from "t" where "a" = ?`, 1)).toBe(
      `select '?', 'it''s ?', "odd?" from "t" where "a" = +?`,
    );
  });

  it("leaves the SQL as it was when its parameters are not those expected", () => {
    const sql = `select 1 from "t" where "a" = ? and "b" = ?`;
    expect(valuesHiddenFromPlanner(sql, 3)).toBe(sql);
    expect(valuesHiddenFromPlanner(`select 'open from "t" where "a" = ?`, 1)).toBe(
      `select 'open from "t" where "a" = ?`,
    );
  });
});
