import { expect, test, type Browser } from "@playwright/test";
import { formatWhen } from "../../app/models/time";
import { appDatabase } from "./database";
import { base } from "./support";

/**
 * A visitor's times come in their own zone from the server's HTML: the page's client hint stores
 * the browser's zone in a cookie and reloads once, and the server renders with it.
 */
const contestPage = () => `${base()}/contests/yhd-2025`;

async function deadline() {
  const { db } = await appDatabase();
  return (await db.contest.findUniqueOrThrow({ where: { slug: "yhd-2025" } })).deadline;
}

/** The contest page in a fresh browser set to `timezoneId`, with each HTML document it was served. */
async function visit(browser: Browser, timezoneId: string, options: { cookiesRefused?: boolean } = {}) {
  const context = await browser.newContext({ timezoneId, locale: "en-GB" });
  if (options.cookiesRefused) {
    // a browser that refuses cookies: what the page writes to document.cookie goes nowhere
    await context.addInitScript(() =>
      Object.defineProperty(Document.prototype, "cookie", { get: () => "", set: () => undefined }),
    );
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // each HTML document the server sends for the contest page, as it sent it
  const documents: string[] = [];
  await page.route(contestPage(), async (route) => {
    const response = await route.fetch();
    documents.push(await response.text());
    await route.fulfill({ response });
  });
  await page.goto(contestPage());
  return { context, page, documents, errors };
}

/** The deadline as the HTML that the server sent writes it. */
function deadlineIn(html: string, at: Date) {
  return new RegExp(`<time datetime="${at.toISOString()}">([^<]+)</time>`, "i").exec(html)?.[1];
}

test("a visitor in Tokyo reads the deadline in Tokyo's time in the server's HTML, after a single reload, and it stays so once the page's scripts run", async ({
  browser,
}) => {
  const at = await deadline();
  const { context, page, documents, errors } = await visit(browser, "Asia/Tokyo");
  const time = page.locator(`time[datetime="${at.toISOString()}"]`);
  // the page has hydrated: React has taken over the deadline's element
  await expect
    .poll(() => time.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps"))))
    .toBe(true);

  // the first document (no cookie yet) was in the contest's zone; the reload is in Tokyo's
  expect(documents).toHaveLength(2);
  const [first, second] = documents;
  expect(deadlineIn(first!, at)).toBe(formatWhen(at, "en", "Europe/Zurich"));
  const served = deadlineIn(second!, at);
  expect(served).toBe(formatWhen(at, "en", "Asia/Tokyo"));
  expect(served).toMatch(/GMT\+9$/);
  expect(second).toContain("Shown in your time zone (Asia/Tokyo).");
  // and what the reader sees after hydration is what the server wrote
  await expect(time).toHaveText(served!);
  await expect(page.getByText("Shown in your time zone (Asia/Tokyo).")).toBeVisible();
  expect(errors).toEqual([]); // React reports a hydration mismatch as an error
  expect((await context.cookies()).find((cookie) => cookie.name === "mosaic_tz")?.value).toBe("Asia%2FTokyo");

  // the next page is served in Tokyo's time at once, with no reload
  await page.goto(contestPage());
  await expect(time).toHaveText(served!);
  expect(documents).toHaveLength(3);
  await context.close();
});

test("a browser that refuses cookies is not reloaded again and again: it reads the contest's zone", async ({
  browser,
}) => {
  const at = await deadline();
  const { context, page, documents } = await visit(browser, "Asia/Tokyo", { cookiesRefused: true });
  const time = page.locator(`time[datetime="${at.toISOString()}"]`);
  await expect
    .poll(() => time.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps"))))
    .toBe(true);
  expect(documents).toHaveLength(1);
  await expect(time).toHaveText(formatWhen(at, "en", "Europe/Zurich"));
  await expect(page.getByText("Times in Europe/Zurich.")).toBeVisible();
  await context.close();
});
