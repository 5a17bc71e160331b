// The architecture's boundaries are kept by the linter (biome.json; docs/decisions/008): a
// wrong import fails `npm test`. Each case writes a probe module where a newcomer might put it,
// runs the real Biome over it, and removes it again.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const probes: string[] = [];

/** Writes probe modules (path → source, relative to the repository) and lints them. */
function lint(files: Record<string, string>): { status: number | null; output: string } {
  for (const [path, source] of Object.entries(files)) {
    probes.push(join(root, path));
    writeFileSync(join(root, path), source);
  }
  const biome = join(root, "node_modules/.bin/biome");
  const run = spawnSync(biome, ["lint", "--colors=off", ...Object.keys(files)], { cwd: root, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const probe of probes.splice(0)) rmSync(probe, { force: true });
});

const probe = (name: string) => `__boundaryProbe${name}${process.pid}`;

describe("the linter keeps the boundaries", () => {
  it("lets a page import the model and the client API (the control case)", () => {
    const { status, output } = lint({
      [`src/routes/${probe("Allowed")}.ts`]:
        'export { storyQuery } from "../api/queries";\nexport type { Story } from "../model/story";\n',
    });
    expect(output).not.toContain("noRestrictedImports");
    expect(status).toBe(0);
  });

  it.each([
    ["a page", "src/routes", "../store/openStore"],
    ["a story component", "src/story", "../server/storyReader"],
    ["the client API", "src/api", "../import/importFiles"],
    ["the head", "src/head", "node:fs"],
    ["the layout", "src/app", "../site/siteConfig"],
  ])("refuses %s importing the server side (%s → %s)", (_, folder, specifier) => {
    const { status, output } = lint({ [`${folder}/${probe("Wrong")}.ts`]: `export * from "${specifier}";\n` });
    expect(output).toContain("lint/style/noRestrictedImports");
    expect(output).toContain("Browser code (the client bundle) never imports");
    expect(status).not.toBe(0);
  });

  it("refuses the model importing anything outside model/", () => {
    const { status, output } = lint({ [`src/model/${probe("Wrong")}.ts`]: 'export * from "../head/head";\n' });
    expect(output).toContain("model/ is shared by the browser and the server");
    expect(status).not.toBe(0);
  });

  it("refuses an import cycle, type imports included", () => {
    const a = probe("CycleA");
    const b = probe("CycleB");
    const { status, output } = lint({
      [`src/store/${a}.ts`]: `import type { B } from "./${b}";\nexport type A = { b?: B };\n`,
      [`src/store/${b}.ts`]: `import type { A } from "./${a}";\nexport type B = { a?: A };\n`,
    });
    expect(output).toContain("lint/suspicious/noImportCycles");
    expect(status).not.toBe(0);
  });
});
