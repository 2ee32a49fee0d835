import { expect, test, type Page } from "@playwright/test";
import { appDatabase } from "./database";
import { base, signIn } from "./support";

/**
 * On a 360 px phone no page scrolls sideways: wide tables scroll inside their own box
 * (components/table-scroll.tsx), and nothing else is wider than the screen.
 */
test.use({ viewport: { width: 360, height: 740 } });

// an organizer of its own: each address may ask for only so many sign-in codes an hour
const organizer = `e2e-phone-${Date.now()}@example.org`;
test.beforeAll(async () => {
  await appDatabase();
  const { ensureOrganizer } = await import("~/models/user.server");
  await ensureOrganizer(organizer);
});

async function fitsTheScreen(page: Page, path: string) {
  await page.goto(`${base()}${path}`);
  await expect(page.locator("h1").first()).toBeVisible();
  const seen = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // what sticks out, to name it when the test fails: outside the boxes that scroll on purpose,
    // or inside one but placed against the page (an absolutely placed element escapes the box)
    const escapes = (el: HTMLElement) =>
      !el.closest(".table-scroll") || ["absolute", "fixed"].includes(getComputedStyle(el).position);
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && escapes(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  expect(seen.scrollWidth, `${path} is wider than the screen: ${seen.wide.join(", ")}`).toBeLessThanOrEqual(seen.width);
}

test("at 360 px no page scrolls sideways, for a visitor and for an organizer", async ({ page }) => {
  for (const path of ["/", "/contests/yhd-2025", "/login", "/terms"]) await fitsTheScreen(page, path);
  await signIn(page, organizer);
  for (const part of ["", "/entries", "/entrants", "/screening", "/judges", "/rubric", "/final", "/results"]) {
    await fitsTheScreen(page, `/organize/yhd-2025${part}`);
  }
  for (const path of ["/organize/yhd-2025/messages", "/organize/yhd-2025/audit", "/organize/yhd-2025/settings"]) {
    await fitsTheScreen(page, path);
  }
  for (const path of ["/organize", "/organize/people", "/organize/new", "/me", "/account"]) {
    await fitsTheScreen(page, path);
  }
});

test("at 360 px the site's menu and the organizer's sections fold behind a button, opened and closed by keyboard", async ({
  page,
}) => {
  await signIn(page, organizer);
  await page.goto(`${base()}/organize/yhd-2025`);
  const header = page.locator(".site-header");
  const menu = header.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(header.getByRole("link", { name: "Profile" })).toBeHidden();
  // one row: the brand and the button, not five rows of links
  expect((await header.boundingBox())!.height).toBeLessThan(90);

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(header.getByRole("link", { name: "Profile" })).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  // the organizer's eleven sections likewise; following one folds them again
  const sections = page.getByRole("navigation", { name: "Sections of this contest" });
  const toggle = sections.getByRole("button", { name: "Sections" });
  await expect(sections.getByRole("link", { name: "Results" })).toBeHidden();
  await toggle.click();
  await sections.getByRole("link", { name: "Results" }).click();
  await expect(page.getByRole("heading", { name: "Results", level: 1 })).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(sections.getByRole("link", { name: "Results" })).toBeHidden();
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test("every link is in view, with no menu button", async ({ page }) => {
    await signIn(page, organizer);
    await page.goto(`${base()}/organize/yhd-2025`);
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(page.locator(".site-header").getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Sections of this contest" }).getByRole("link", { name: "Results" }),
    ).toBeVisible();
  });
});
