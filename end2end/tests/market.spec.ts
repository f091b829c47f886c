import { Page } from "@playwright/test";
import {
  test,
  expect,
  expectFitsPhone,
  expectNoAxeViolations,
  expectRefusalAtSummary,
  mailsTo,
  plannedDialogue,
  post,
  verifiedPerson,
} from "./fixtures";

/** A person who registers a supplier through the form, from the dialogue's public page. */
async function supplierThroughForms(p: Page, who: string, company: string, number: string, project: string) {
  await verifiedPerson(p, who, project);
  await p.goto("/leverantorer/ny");
  await expectNoAxeViolations(p);
  await p.getByRole("button", { name: "Registrera leverantören" }).click();
  await expectRefusalAtSummary(p);
  await p.getByLabel("Företagets namn").fill(company);
  await p.getByLabel("Land").selectOption("SE");
  await p.getByLabel("Organisationsnummer eller momsregistreringsnummer").fill(number.replace("-", "").slice(0, 9) + "9");
  await p.getByRole("button", { name: "Registrera leverantören" }).click();
  await expectRefusalAtSummary(p);
  await expect(p.getByLabel("Företagets namn"), "nothing typed is lost").toHaveValue(company);
  await p.getByLabel("Organisationsnummer eller momsregistreringsnummer").fill(number);
  await p.getByRole("button", { name: "Registrera leverantören" }).click();
  await expect(p.getByRole("status").filter({ hasText: "Leverantören är registrerad" })).toBeVisible();
  await expectNoAxeViolations(p);
}

test("a host announces a dialogue; a visitor finds it on the board, becomes a supplier, registers and asks; the answer reaches every registered supplier alike; the record shows who was told what", async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;
  const js = project === "js";
  const { dialogue, title } = await plannedDialogue(page, browser, project, {
    form: "dialogmote",
    orgNumber: js ? "212000-5109" : "212000-5117",
  });

  // Before announcing, the host chooses what the public page shows.
  await page.goto(`/dialoger/${dialogue}`);
  await page.getByText("Inför annonseringen").click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Behoven dialogen gäller, med deras godkända funktionskrav").check();
  await page.getByLabel("Leverantörsplatser per möte").fill("noll");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectRefusalAtSummary(page);
  await page.getByLabel("Leverantörsplatser per möte").fill("8");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sparat." })).toBeVisible();

  // The host announces it from the dialogue's page.
  await page.getByLabel("Ny status").selectOption("announced");
  await page.getByLabel("Motivering").fill("Ut på marknaden.");
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.getByRole("link", { name: "Den offentliga sidan" })).toBeVisible();

  // Anyone finds it on the board with a filter and reads it, signed out.
  const visitor = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await visitor.goto("/marknadsdialoger");
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("Län").selectOption("01");
  await visitor.getByRole("button", { name: "Visa" }).click();
  await expect(visitor).toHaveURL(/lan=01/);
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.getByText("inte en upphandling").first()).toBeVisible();
  await expect(visitor.getByText("Länken visas här för anmälda leverantörer.")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Behoven" })).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Laddstolpar", exact: true })).toBeVisible();
  await expectNoAxeViolations(visitor);
  if (js) await expectFitsPhone(visitor);
  const publicPage = visitor.url().split("?")[0];

  // The visitor signs up, registers a supplier and comes back.
  const numbers = js ? ["556200-0017", "556200-0025"] : ["556200-0033", "556200-0041"];
  await supplierThroughForms(visitor, "Sara", `Laddbolaget ${project}`, numbers[0], project);
  await visitor.goto(publicPage);
  await visitor.getByRole("button", { name: /^Anmäl/ }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "Anmälan är sparad." })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "https://mote.example.se/rum" })).toBeVisible();
  await visitor.getByLabel(/^Vem kommer/).fill("Sara\nPer Tekniker");
  await visitor.getByRole("button", { name: "Spara vem som kommer" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "Sparat vem som kommer." })).toBeVisible();
  await visitor.getByRole("button", { name: "Skicka frågan" }).click();
  await expectRefusalAtSummary(visitor);
  await visitor.getByLabel("Fråga", { exact: true }).fill("Räcker 150 kW för Laddbolagets stolpar?");
  await visitor.getByRole("button", { name: "Skicka frågan" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "Frågan är skickad" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  if (js) await expectFitsPhone(visitor);
  await visitor.goto("/leverantorer");
  await expect(visitor.getByRole("link", { name: `Laddbolaget ${project}` })).toBeVisible();
  await expectNoAxeViolations(visitor);
  if (js) await expectFitsPhone(visitor);

  // A second supplier registers before the answer.
  const second = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  const olleEmail = await verifiedPerson(second, "Olle", project);
  await post(second, "/api/suppliers/register", [["name", `Elbuss ${project}`], ["country", "SE"], ["identifier", numbers[1]]]);
  await second.goto(publicPage);
  await second.getByRole("button", { name: /^Anmäl/ }).click();
  await expect(second.getByRole("status").filter({ hasText: "Anmälan är sparad." })).toBeVisible();

  // The host sees who asked, words the question neutrally and publishes.
  await page.goto(`/dialoger/${dialogue}`);
  await expect(page.getByRole("paragraph").filter({ hasText: "Räcker 150 kW för Laddbolagets stolpar?" })).toBeVisible();
  await expect(page.getByText(`Laddbolaget ${project}`).first()).toBeVisible();
  await expectNoAxeViolations(page);
  if (js) await expectFitsPhone(page);
  await page.locator("#field-wording").fill("Räcker 150 kW per laddstolpe?");
  await page.locator("#field-reply").fill("Ja, för stadstrafik.");
  await page.getByRole("button", { name: "Publicera svaret till alla" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Svaret är publicerat" })).toBeVisible();

  // The second supplier reads it on the page and has the same mail as the first.
  await second.goto(publicPage);
  await expect(second.getByText("Ja, för stadstrafik.")).toBeVisible();
  await expect(second.getByText("Laddbolagets stolpar")).toHaveCount(0);
  const olleMail = mailsTo(olleEmail).find((m) => m.subject.startsWith("Nytt svar"));
  expect(olleMail, "the answer is mailed").toBeTruthy();
  expect(olleMail!.body).toContain("Ja, för stadstrafik.");
  expect(olleMail!.body).not.toContain("Laddbolaget");

  // The host sends a message to all, and the record shows the information log.
  await page.getByText("Meddelande till alla leverantörer").click();
  await page.locator("#field-message").fill("Mötet börjar 09.30.");
  await page.getByRole("button", { name: "Skicka till alla" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Meddelandet är skickat" })).toBeVisible();
  await second.goto(publicPage);
  await expect(second.getByText("Mötet börjar 09.30.")).toBeVisible();
  await page.goto(`/dialoger/${dialogue}/protokoll`);
  const log = page.getByRole("region", { name: "Informationslogg" });
  await expect(log).toBeVisible();
  await expect(log.getByText("Publicerat svar")).toBeVisible();
  await expect(log.getByText(`Skickat till: Elbuss ${project}, Laddbolaget ${project}`).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
