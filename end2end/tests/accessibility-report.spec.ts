import { test, expect, expectNoAxeViolations, expectRefusalAtSummary } from "./fixtures";

test("a report with problems comes back with messages and keeps what was typed, then goes through", async ({ page }) => {
  await page.goto("/tillganglighet");
  // Only spaces: the browser lets it through, the server refuses it.
  await page.getByLabel("Beskriv problemet").fill("   ");
  // The browser accepts "anna@kommun" as an email; the server does not.
  await page.getByLabel("Din e-postadress").fill("anna@kommun");
  await page.getByRole("button", { name: "Skicka rapporten" }).click();

  await expectRefusalAtSummary(page);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Något behöver rättas");
  await expect(summary).toContainText("Fältet måste fyllas i.");
  await expect(summary).toContainText("Ange en e-postadress i formen namn@exempel.se.");
  await expect(page.getByLabel("Din e-postadress")).toHaveValue("anna@kommun");
  await expect(page.getByLabel("Din e-postadress")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Beskriv problemet").fill("Fokus syns inte på knappen i sidhuvudet.");
  await page.getByLabel("Din e-postadress").fill("anna@kommun.se");
  await page.getByRole("button", { name: "Skicka rapporten" }).click();
  await expect(page.getByRole("status")).toHaveText("Tack! Din rapport är mottagen.");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
