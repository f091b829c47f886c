import {
  test,
  expect,
  expectNoAxeViolations,
  signIn,
  siteAdmin,
  verifiedPerson,
} from "./fixtures";

test("an organisation verified by a site admin starts a network and changes its status", async ({ page, browser }, info) => {
  await verifiedPerson(page, "Erik", info.project.name);
  await page.goto("/natverk/nytt");
  await expect(page.getByText("Du behöver höra till en verifierad organisation")).toBeVisible();

  const number = info.project.name === "js" ? "202100-5489" : "212000-0159";
  await page.goto("/organisationer/ny");
  await page.getByLabel("Organisationsnummer").fill(number);
  await page.getByLabel("Organisationens namn").fill(`Region Test ${info.project.name}`);
  await page.getByLabel("Typ av organisation").selectOption("region");
  await page.getByLabel("Län").selectOption("03");
  await page.getByRole("button", { name: "Registrera" }).click();
  const organisationPage = page.url();

  // The site admin, in a browser context of their own, verifies it.
  const admin = siteAdmin(info.project.name);
  const adminContext = await browser.newContext({ javaScriptEnabled: info.project.name === "js" });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto(organisationPage);
  await adminPage.getByRole("button", { name: "Markera som verifierad" }).click();
  await expect(adminPage.getByText("Verifierad", { exact: true })).toBeVisible();
  await adminContext.close();

  await page.goto("/natverk/nytt");
  await expectNoAxeViolations(page);
  await page.getByLabel("Nätverkets namn").fill(`Fossilfria transporter ${info.project.name}`);
  await page.getByLabel("Syfte", { exact: true }).fill("Vi vill minska utsläppen från kommunernas transporter.");
  await page.getByLabel("Uppsala län").check();
  await page.getByLabel(/^Introducera/).check();
  await page.getByRole("button", { name: "Starta nätverket" }).click();
  await expect(page.getByRole("status")).toContainText("din organisation är samordnare");
  await expect(page.getByText("Under bildande")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Ny status").selectOption("active");
  await page.getByLabel("Motivering").fill("Beslutat på startmötet.");
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.getByText("Aktivt", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Beslutat på startmötet." })).toBeVisible();
  await expectNoAxeViolations(page);
});
