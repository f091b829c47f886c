import { test, expect, expectFitsPhone, expectNoAxeViolations, usesJavaScript } from "./fixtures";

const pages = [
  { path: "/", heading: "Samråd – beställarnätverk för offentliga organisationer" },
  { path: "/tillganglighet", heading: "Tillgänglighetsredogörelse" },
  { path: "/?steg=introducera", heading: "Samråd – beställarnätverk för offentliga organisationer" },
];

for (const { path, heading } of pages) {
  test(`${path} renders in Swedish and passes axe`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("an unknown address answers 404 with a page that passes axe", async ({ page, consoleErrors }) => {
  const res = await page.goto("/finns-inte");
  expect(res?.status()).toBe(404);
  // Chromium logs the document's own 404 status; that is the point here.
  const own = (e: { url: string }) => e.url.endsWith("/finns-inte");
  expect(consoleErrors.filter(own).length).toBeLessThanOrEqual(1);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !own(e)));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await expectNoAxeViolations(page);
});

test("the skip link is the first stop and moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the language switch changes the page to English and back, and is remembered", async ({ page }) => {
  await page.goto("/tillganglighet");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/tillganglighet\??$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expectNoAxeViolations(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Samråd – buyer networks for public organisations",
  );
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});

test("the staircase island switches steps", async ({ page }, info) => {
  await page.goto("/");
  const panel = page.getByTestId("staircase-panel");
  await expect(panel).toContainText("Köp det som redan finns");
  if (usesJavaScript(info.project.name)) {
    // Hydrated: the click is handled in the page, without a reload.
    await expect(page.locator(".staircase-steps[data-live]")).toBeAttached();
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await page.getByRole("link", { name: "Initiera" }).click();
    await expect(panel).toContainText("Starta forskning och utveckling");
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await expect(page).toHaveURL(/\/$/);
  } else {
    // Without JavaScript the step is a link that reloads with the choice.
    await page.getByRole("link", { name: "Initiera" }).click();
    await expect(page).toHaveURL(/steg=initiera/);
    await expect(panel).toContainText("Starta forskning och utveckling");
  }
  await expect(page.getByRole("link", { name: "Initiera" })).toHaveAttribute("aria-current", "true");
});

test("pages fit a 320 px screen without sideways scrolling", async ({ page }, info) => {
  test.skip(!usesJavaScript(info.project.name), "measuring the layout needs a script");
  for (const path of ["/", "/tillganglighet", "/konto/skapa", "/konto/logga-in", "/konto/glomt-losenord"]) {
    await page.goto(path);
    await expectFitsPhone(page);
  }
});

test("on a phone the header is one line and the menu opens from one button", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const header = page.getByRole("banner");
  const height = (await header.boundingBox())!.height;
  expect(height, "the header leaves the screen to the content").toBeLessThanOrEqual(80);
  const menu = page.locator("summary", { hasText: "Meny" });
  await expect(page.getByRole("link", { name: "Logga in" })).toBeHidden();
  await menu.click();
  await expect(page.getByRole("link", { name: "Logga in" })).toBeVisible();
  await expectNoAxeViolations(page);
});
