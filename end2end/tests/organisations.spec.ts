import { test, expect, expectNoAxeViolations, expectRefusalAtSummary, verifiedPerson } from "./fixtures";

test("register an organisation: a broken number is named, then the organisation page", async ({ page }, info) => {
  await verifiedPerson(page, "Dana", info.project.name);
  await page.goto("/organisationer/ny");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gå med i eller registrera en organisation");
  await expectNoAxeViolations(page);
  // Both projects share one server, so each registers a number of its own.
  const number = info.project.name === "js" ? "212000-0142" : "212000-1355";
  await page.getByLabel("Organisationsnummer").fill(number.slice(0, -1) + "0");
  await page.getByLabel("Organisationens namn").fill("Testkommunen");
  await page.getByLabel("Typ av organisation").selectOption("kommun");
  await page.getByLabel("Län").selectOption("01");
  await page.getByLabel("Kommun").selectOption("0180");
  await page.getByRole("button", { name: "Registrera" }).click();
  await expectRefusalAtSummary(page);
  await expect(page.getByRole("alert")).toContainText("Kontrollsiffran");
  await expect(page.getByLabel("Organisationens namn")).toHaveValue("Testkommunen");
  await expect(page.getByLabel("Kommun")).toHaveValue("0180");
  await expectNoAxeViolations(page);

  await page.getByLabel("Organisationsnummer").fill(number);
  await page.getByRole("button", { name: "Registrera" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Testkommunen");
  await expect(page.getByRole("status")).toContainText("du är dess administratör");
  await expect(page.getByText("Inte verifierad än")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/konto");
  await expect(page.getByRole("link", { name: "Testkommunen" })).toBeVisible();

  // Found by the search, the organisation says Dana is in it already.
  await page.goto("/organisationer/ny");
  await page.getByRole("searchbox", { name: "Sök organisation" }).fill("testkommun");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByText("Du är med i organisationen.").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
