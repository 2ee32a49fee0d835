import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_CATEGORY_TRANSLATIONS, DEMO_TRANSLATIONS } from "../../prisma/demo-translations";
import { en } from "../../app/i18n/en";
import { en as pagesEn } from "../../app/i18n/pages/en";
import { fr as pagesFr } from "../../app/i18n/pages/fr";
import { signedInPage } from "./sessions";
import { base } from "./support";

/**
 * A contest speaks its visitors' languages: the interface and the contest's own texts, Arabic
 * right to left, and what organizers write in one language read by visitors of that language.
 */
test("a visitor reads the demo contest in Arabic, right to left, the contest's own words in Arabic too", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${base()}/contests/yhd-2025`);
  await page.getByLabel("Language").selectOption("ar");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(DEMO_TRANSLATIONS.ar.title);
  // the contest's texts are in the page's language: no passage says it is in another
  await expect(title).not.toHaveAttribute("lang", /./);
  await expect(page.getByRole("heading", { name: DEMO_CATEGORY_TRANSLATIONS.video!.ar!.name, level: 3 })).toBeVisible();
  // right to left: the title starts at the right-hand edge of its box
  const box = await title.boundingBox();
  const range = await title.evaluate((h) => {
    const r = document.createRange();
    r.selectNodeContents(h);
    const rects = [...r.getClientRects()];
    return { right: Math.max(...rects.map((x) => x.right)) };
  });
  expect(Math.abs(box!.x + box!.width - range.right)).toBeLessThan(2);
  // nothing scrolls sideways on a phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await context.close();
});

test("an organizer gives the contest's theme in French, and French visitors read it; the rest falls back marked English", async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const organizer = await signedInPage(browser, `e2e-languages-${run}@example.org`, "organizer");
  await organizer.page.goto(`${base()}/organize/yhd-2025/settings`);
  const french = organizer.page.getByRole("group", { name: "Texts in Français" });
  await expect(french).toBeVisible();
  const theme = `Ce que l’assistance aux victimes change pour tous ${run}`;
  await french.getByLabel("Theme (Français)").fill(theme);
  await french.getByLabel("Summary (Français)").fill("");
  await organizer.page.getByRole("button", { name: "Save settings" }).click();
  await expect(organizer.page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expect(french.getByLabel("Theme (Français)")).toHaveValue(theme);

  const visitor = await browser.newContext({ locale: "fr-FR" });
  const page = await visitor.newPage();
  await page.goto(`${base()}/contests/yhd-2025`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByText(theme)).toBeVisible();
  // the summary was left empty in French: the English one shows, marked as English
  const summary = page.locator("p.prose[lang]");
  await expect(summary).toHaveAttribute("lang", "en");
  await expect(summary).toContainText("Young people aged 18 to 29");
  await visitor.close();
});

const pages = { en: pagesEn, fr: pagesFr };
const enHowWeRankLink = en.contest.howWeRankLink;

test("a visitor who changes language, reads a page of other words, then changes back never sees a message's key", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  // The contest page needs only the messages every page has: that is all French brings.
  await page.goto(`${base()}/contests/yhd-2025`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const change = async (locale: string) => {
    await page.locator("#site-language").selectOption(locale);
    await page.locator("form.language-picker button[type=submit]").click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  };
  await change("en");
  // "How we rank" needs more words, which arrive in English with the page's data.
  await page.getByRole("link", { name: enHowWeRankLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages.en.howWeRank.title);
  // Back to French: the page waits for the French words of this page instead of showing keys.
  await change("fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages.fr.howWeRank!.title!);
  await expect(page.locator("main")).not.toContainText("howWeRank.");
  await context.close();
});
