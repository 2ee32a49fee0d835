import { transformSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const MiB = 1024 * 1024;

// The settings as the server's build runs them: plain JavaScript, the first module a fresh
// process imports (a TypeScript loader run before them would already have grown the young
// generation).
const dir = mkdtempSync(path.join(tmpdir(), "mosaic-v8-"));
const settings = path.join(dir, "v8-settings.mjs");
writeFileSync(
  settings,
  transformSync(readFileSync(path.join(root, "app/server/v8-settings.ts"), "utf8"), { loader: "ts", format: "esm" })
    .code,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The young generation's size, in a fresh Node process, after allocating objects of which many
 * outlive a collection (as a server's start and first pages do); with the server's V8 settings
 * loaded first when `withSettings`.
 */
function youngGenerationAfterWork(withSettings: boolean) {
  const script = `
    ${withSettings ? `await import(${JSON.stringify(pathToFileURL(settings).href)});` : ""}
    const v8 = await import("node:v8");
    const kept = [];
    for (let i = 0; i < 600_000; i++) {
      kept.push({ i, text: "item " + i, list: [i] });
      if (kept.length > 150_000) kept.splice(0, 75_000);
      // a turn of the event loop every few milliseconds, as between a server's requests
      if (i % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    console.log(space.space_size);
  `;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
  });
  return Number(output.trim());
}

describe("the server's V8 settings", () => {
  it("let the young generation grow to two semi-spaces of 4 MiB and no further", () => {
    // V8 alone grows it past 4 MiB a semi-space for this work; with the settings it stops there
    expect(youngGenerationAfterWork(false)).toBeGreaterThan(8 * MiB);
    expect(youngGenerationAfterWork(true)).toBeLessThanOrEqual(8 * MiB);
  });
});
