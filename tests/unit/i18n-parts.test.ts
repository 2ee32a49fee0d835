import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagePartsOf } from "~/i18n";
import { en as emails } from "~/i18n/emails/en";
import { en as entrant } from "~/i18n/entrant/en";
import { en as pages } from "~/i18n/pages/en";
import { en as staff } from "~/i18n/staff/en";

/**
 * A browser loads the messages of the home and contest pages (app/i18n/<locale>.ts) on every
 * page, an entrant's entries' (app/i18n/entrant/) on every other page, those of the remaining
 * pages of visitors, entrants and guardians (app/i18n/pages/) on those pages, those of
 * organizers' and judges' pages (app/i18n/staff/) on theirs, and the emails' (app/i18n/emails/)
 * never. A key used where its part is not loaded would show as the bare key
 * ("settings.title"): these checks keep each part's keys where its messages are loaded.
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

/** The modules a page's module brings to the browser, itself included. */
function closure(start: string) {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file) || matches(serverOnly, file) || file.startsWith("i18n/")) return;
    seen.add(file);
    for (const [, target] of readFileSync(path.join(app, file), "utf8").matchAll(
      /^import (?!type )[^;]*?from "(?:~\/|\.\/)([^"]+)"/gm,
    )) {
      const found = ["ts", "tsx"].map((ext) => `${target}.${ext}`).find((name) => files.includes(name));
      if (found) walk(found);
    }
  };
  walk(start);
  return [...seen];
}

/** An address a route answers, from its file's name (`entries.$id_.submitted.tsx`: /entries/x/submitted). */
function addressOf(route: string) {
  const segments = route
    .replace(/^routes\//, "")
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => (segment.startsWith("$") ? "x" : segment.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

describe("the parts of the messages", () => {
  it("tells which parts of the messages a page needs by its address", () => {
    for (const pathname of ["/organize", "/organize/yhd-2025/settings", "/judge/yhd-2025", "/judge/accept"])
      expect(messagePartsOf(pathname), pathname).toEqual(["entrant", "pages", "staff"]);
    for (const pathname of ["/", "/contests/yhd-2025", "/contests/yhd-2025/"])
      expect(messagePartsOf(pathname), pathname).toEqual([]);
    for (const pathname of ["/entries", "/entries/abc", "/entries/abc/submitted"])
      expect(messagePartsOf(pathname), pathname).toEqual(["entrant"]);
    for (const pathname of ["/me", "/organizers", "/contests/yhd-2025/winners", "/terms", "/entriesx"])
      expect(messagePartsOf(pathname), pathname).toEqual(["entrant", "pages"]);
  });

  it("uses on the home and contest pages, and in the layout, only the messages of every page", () => {
    const modules = ["root.tsx", "entry.client.tsx", "routes/_index.tsx", "routes/contests.$slug.tsx"].flatMap(closure);
    const used = [...new Set(modules)].filter((file) =>
      keysOf({ ...entrant, ...pages, ...staff }).test(readFileSync(path.join(app, file), "utf8")),
    );
    expect(used).toEqual([]);
  });

  it("loads on every other page of visitors, entrants and guardians the parts its modules use", () => {
    const missing = files
      .filter((file) => /^routes\//.test(file) && !matches(staffOnly, file))
      .flatMap((route) => {
        const parts = messagePartsOf(addressOf(route));
        const sources = closure(route).map((file) => readFileSync(path.join(app, file), "utf8"));
        return (
          [
            ["entrant", entrant],
            ["pages", pages],
          ] as const
        )
          .filter(([part, groups]) => !parts.includes(part) && sources.some((source) => keysOf(groups).test(source)))
          .map(([part]) => `${route} (${addressOf(route)}) uses ${part}`);
      });
    expect(missing).toEqual([]);
  });

  it("brings each other page's parts of the messages with its data", () => {
    const light = ["routes/_index.tsx", "routes/contests.$slug.tsx", "routes/$.tsx"];
    // reached only from the page that deletes an account, which loaded the same part
    const withoutData = ["routes/account_.deleted.tsx"];
    const pagesWithoutThem = files.filter((file) => {
      if (!/^routes\//.test(file) || light.includes(file) || withoutData.includes(file)) return false;
      // pages under /organize get them from their layout
      if (/^routes\/organize\./.test(file)) return false;
      const source = readFileSync(path.join(app, file), "utf8");
      return /^export default/m.test(source) && !/^export const clientLoader = pageMessagesLoader;/m.test(source);
    });
    expect(pagesWithoutThem).toEqual([]);
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
