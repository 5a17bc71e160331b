// The architecture's boundaries are kept by the linter (biome.json; docs/decisions/008): a
// wrong import fails `npm test`. Each case writes a probe module where a newcomer might put it,
// runs the real Biome over it, and removes it again.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
    ["a page", "src/routes", "../media/renditions"],
    ["a story component", "src/story", "../test/renderWithApp"],
  ])("refuses %s importing the server side (%s → %s)", (_, folder, specifier) => {
    const { status, output } = lint({ [`${folder}/${probe("Wrong")}.ts`]: `export * from "${specifier}";\n` });
    expect(output).toContain("lint/style/noRestrictedImports");
    expect(output).toContain("Browser code (the client bundle) never imports");
    expect(status).not.toBe(0);
  });

  it("refuses browser code importing a message catalogue (the page data carries the site's one)", () => {
    const { status, output } = lint({
      [`src/story/${probe("Wrong")}.ts`]: 'export { es } from "../words/catalogues/es";\n',
    });
    expect(output).toContain("Browser code never imports a message catalogue");
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

interface BiomeOverride {
  includes: string[];
  linter?: { rules?: { style?: { noRestrictedImports?: { options: { patterns: { group: string[] }[] } } } } };
}

/**
 * Each folder under src/ as biome.json classifies it, the one place that says so: browser folders
 * are those the browser rule covers, server folders those it forbids them to import, and shared
 * folders those with a rule of their own that keeps them apart from both (model/).
 */
function folderSides(): Map<string, string[]> {
  const biome = JSON.parse(readFileSync(join(root, "biome.json"), "utf8")) as { overrides: BiomeOverride[] };
  const sides = new Map<string, string[]>();
  const mark = (folder: string, side: string) => sides.set(folder, [...(sides.get(folder) ?? []), side]);
  for (const override of biome.overrides) {
    const groups = override.linter?.rules?.style?.noRestrictedImports?.options.patterns.flatMap((p) => p.group) ?? [];
    if (groups.length === 0) continue;
    const covered = override.includes.flatMap((glob) => /^src\/([^/*!]+)\/\*\*$/.exec(glob)?.[1] ?? []);
    // The rule that forbids imports of the server's folders is the browser's; any other keeps a shared folder.
    const forbidden = groups.flatMap((glob) => /^\*\*\/([^/*]+)$/.exec(glob)?.[1] ?? []);
    const side = forbidden.length > 0 ? "browser" : "shared";
    for (const folder of covered) mark(folder, side);
    for (const folder of forbidden) mark(folder, "server");
  }
  return sides;
}

describe("every folder under src/ is on one side", () => {
  it("finds each folder of src/ classified in biome.json as browser, server or shared, and only once", () => {
    const sides = folderSides();
    const folders = readdirSync(join(root, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const unclassified = folders.filter((folder) => !sides.has(folder));
    const twice = folders.filter((folder) => (sides.get(folder)?.length ?? 0) > 1);
    // A new folder goes into biome.json: a browser folder into the browser override's includes, a
    // server folder into its forbidden imports (docs/decisions/008).
    expect(unclassified, "folders biome.json does not classify").toEqual([]);
    expect(twice, "folders classified twice").toEqual([]);
    expect(sides.get("media")).toEqual(["server"]);
    expect(sides.get("model")).toEqual(["shared"]);
    expect(sides.get("routes")).toEqual(["browser"]);
  });
});
