import { describe, expect, it } from "vitest";
import { backoffMs } from "~/services/jobs.server";
import { hasRole, safeRedirect } from "~/services/auth.server";

describe("redirects after sign-in", () => {
  it("allow only paths on this site", () => {
    expect(safeRedirect("/contests/yhd-2025?x=1")).toBe("/contests/yhd-2025?x=1");
    expect(safeRedirect("/a/../me")).toBe("/me");
    const refused = [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r//evil.example",
      "javascript:alert(1)",
      "",
      null,
      undefined,
    ];
    for (const to of refused) {
      expect(safeRedirect(to)).toBe("/me");
    }
  });
});

describe("roles", () => {
  it("rank entrant < organizer < admin, and an unknown role has none", () => {
    expect(hasRole({ role: "admin" }, "organizer")).toBe(true);
    expect(hasRole({ role: "organizer" }, "admin")).toBe(false);
    expect(hasRole({ role: "entrant" }, "entrant")).toBe(true);
    expect(hasRole({ role: "superuser" }, "entrant")).toBe(false);
  });
});

describe("job back-off", () => {
  it("doubles from 30 s, caps at an hour, and adds at most 10 % jitter", () => {
    expect(backoffMs(1, () => 0)).toBe(30_000);
    expect(backoffMs(2, () => 0)).toBe(60_000);
    expect(backoffMs(5, () => 0)).toBe(480_000);
    expect(backoffMs(30, () => 0)).toBe(3_600_000);
    expect(backoffMs(1, () => 0.999)).toBeLessThanOrEqual(33_000);
  });
});
