import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isStaffPage } from "~/i18n";
import { en as emails } from "~/i18n/emails/en";
import { en as staff } from "~/i18n/staff/en";

/**
 * A browser loads the messages of organizers' and judges' pages (app/i18n/staff/) only on those
 * pages, and the emails' (app/i18n/emails/) never. A key of those parts used on any other page
 * would show as the bare key ("settings.title") there: these checks keep each part's keys where
 * its messages are loaded.
 */
const app = path.resolve(import.meta.dirname, "../../app");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "i18n" ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The modules that only organizers' and judges' pages import, and those that never reach a browser. */
const staffOnly = [
  /^routes\/(organize|judge)[.\]]/,
  /^components\/settings\//,
  /^components\/audit-table\.tsx$/,
  /^schemas\/(contest|judging|rubric|lifecycle)\.ts$/,
];
const serverOnly = [/\.server\.tsx?$/, /^emails\//, /^server\//, /^cli\.ts$/];
const files = sources(app).map((file) => path.relative(app, file).split(path.sep).join("/"));
const matches = (patterns: RegExp[], file: string) => patterns.some((pattern) => pattern.test(file));
const keysOf = (groups: object) => new RegExp(`["'\`](${Object.keys(groups).join("|")})\\.[a-zA-Z]`);

describe("the parts of the messages", () => {
  it("tells organizers' and judges' pages from the others by their address", () => {
    for (const pathname of ["/organize", "/organize/yhd-2025/settings", "/judge/yhd-2025", "/judge/accept"])
      expect(isStaffPage(pathname), pathname).toBe(true);
    for (const pathname of ["/", "/contests/yhd-2025", "/entries/abc", "/me", "/organizers", "/judges"])
      expect(isStaffPage(pathname), pathname).toBe(false);
  });

  it("uses the keys of organizers' and judges' pages on those pages only", () => {
    const used = files.filter(
      (file) =>
        !matches(staffOnly, file) &&
        !matches(serverOnly, file) &&
        keysOf(staff).test(readFileSync(path.join(app, file), "utf8")),
    );
    expect(used).toEqual([]);
  });

  it("keeps the modules of organizers' and judges' pages out of the other pages", () => {
    const shared = staffOnly.slice(1);
    const importers = files.filter((file) => {
      if (matches(staffOnly, file) || matches(serverOnly, file)) return false;
      const imports = [
        ...readFileSync(path.join(app, file), "utf8").matchAll(/^import (?!type )[^;]*?from "~\/([^"]+)"/gm),
      ];
      return imports.some(([, target]) => ["ts", "tsx"].some((ext) => matches(shared, `${target}.${ext}`)));
    });
    expect(importers).toEqual([]);
  });

  it("uses the emails' keys on the server only", () => {
    const used = files.filter(
      (file) => !matches(serverOnly, file) && keysOf(emails).test(readFileSync(path.join(app, file), "utf8")),
    );
    expect(used).toEqual([]);
  });
});
