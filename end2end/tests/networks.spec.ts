import {
  test,
  expect,
  expectNoAxeViolations,
  signIn,
  siteAdmin,
  verifiedPerson,
} from "./fixtures";
import type { Browser } from "@playwright/test";

/** A site admin, in a browser context of their own, verifies the
 * organisation whose page is at `organisationPage`. */
async function verifyAsSiteAdmin(browser: Browser, organisationPage: string, project: string) {
  const admin = siteAdmin(project);
  const adminContext = await browser.newContext({ javaScriptEnabled: project === "js" });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto(organisationPage);
  await adminPage.getByRole("button", { name: "Markera som verifierad" }).click();
  await expect(adminPage.getByText("Verifierad", { exact: true })).toBeVisible();
  await adminContext.close();
}

test("A starts a network, B asks to join, A approves, B reads the content", async ({ page, browser }, info) => {
  // Two people, two organisations, a site admin and seven axe runs.
  test.setTimeout(150_000);
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
  await verifyAsSiteAdmin(browser, organisationPage, info.project.name);

  await page.goto("/natverk/nytt");
  await expectNoAxeViolations(page);
  await page.getByLabel("Nätverkets namn").fill(`Fossilfria transporter ${info.project.name}`);
  await page.getByLabel("Syfte", { exact: true }).fill("Vi vill minska utsläppen från kommunernas transporter.");
  await page.getByLabel("Uppsala län").check();
  await page.getByLabel("60 Transporter (utom avfallstransport)").check();
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
  const networkPage = page.url().split("?")[0];

  // A second organisation, in a browser context of its own, asks to join.
  const other = await browser.newContext({ javaScriptEnabled: info.project.name === "js" });
  const b = await other.newPage();
  await verifiedPerson(b, "Frida", info.project.name);
  await b.goto("/organisationer/ny");
  await b.getByLabel("Organisationsnummer").fill(info.project.name === "js" ? "212000-0175" : "212000-0183");
  await b.getByLabel("Organisationens namn").fill(`Kommunen B ${info.project.name}`);
  await b.getByLabel("Typ av organisation").selectOption("kommunalt_bolag");
  await b.getByLabel("Län").selectOption("03");
  await b.getByRole("button", { name: "Registrera" }).click();
  // Only a verified organisation may ask to join.
  await verifyAsSiteAdmin(browser, b.url(), info.project.name);
  // B finds the network in the directory.
  await b.getByRole("link", { name: "Nätverk", exact: true }).click();
  await b.getByLabel("Namn innehåller").fill(`Fossilfria transporter ${info.project.name}`);
  await b.getByLabel("Tema").selectOption("60");
  await b.getByLabel("Bara nätverk som tar emot ansökningar").check();
  await b.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(b.getByText("1 nätverk", { exact: true })).toBeVisible();
  await expectNoAxeViolations(b);
  await b.getByRole("link", { name: `Fossilfria transporter ${info.project.name}` }).click();
  await expect(b.getByText("Innehållet visas bara för nätverkets medlemmar.")).toBeVisible();
  await expectNoAxeViolations(b);
  await b.getByLabel("Motivering").fill("Vi köper samma slags fordon.");
  await b.getByRole("button", { name: "Skicka ansökan" }).click();
  await expect(b.getByText("väntar på beslut")).toBeVisible();

  // The coordinator approves.
  await page.goto(networkPage);
  await expect(page.getByRole("article").getByText("Vi köper samma slags fordon.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("article").getByRole("button", { name: /^Godkänn/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Beslutet är sparat" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ladda ner loggen (CSV)" })).toBeVisible();

  // Now the second organisation reads the content.
  await b.goto(networkPage);
  await expect(b.getByRole("heading", { name: "Behov" })).toBeVisible();
  await expect(b.getByText(`Kommunen B ${info.project.name} (medlem)`)).toBeVisible();
  await expectNoAxeViolations(b);
  await b.getByRole("link", { name: "Mina nätverk" }).click();
  await expect(b.getByRole("link", { name: `Fossilfria transporter ${info.project.name}` })).toBeVisible();
  await expectNoAxeViolations(b);
  await other.close();
});
