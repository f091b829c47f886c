import {
  test,
  expect,
  expectFitsPhone,
  expectNoAxeViolations,
  expectRefusalAtSummary,
  idIn,
  mailsTo,
  plannedDialogue,
  post,
  verifiedPerson,
} from "./fixtures";

/** A supplier's person, the supplier registered and registered for the dialogue. */
async function registeredSupplier(
  browser: import("@playwright/test").Browser,
  js: boolean,
  project: string,
  who: string,
  company: string,
  number: string,
  dialogue: string,
) {
  const page = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  const email = await verifiedPerson(page, who, project);
  const supplier = idIn(
    await post(page, "/api/suppliers/register", [
      ["name", company],
      ["country", "SE"],
      ["identifier", number],
    ]),
  );
  await post(page, "/api/market/register", [
    ["dialogue", dialogue],
    ["supplier", supplier],
  ]);
  return { page, email };
}

test("hosts offer individual meetings to every registered supplier; one supplier books a time, a second is told it was taken and books another, and the host sees both bookings", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const js = project === "js";
  const year = new Date().getFullYear() + 1;
  const { dialogue } = await plannedDialogue(page, browser, project, {
    form: "enskilda_moten",
    orgNumber: js ? "212000-5174" : "212000-5182",
  });
  await post(page, "/api/dialogues/status", [
    ["dialogue", dialogue],
    ["status", "announced"],
    ["reason", "Ut på marknaden."],
  ]);
  const olle = await registeredSupplier(browser, js, project, "Olle", `Mötesbolaget ${project}`,
    js ? "556300-0057" : "556300-0065", dialogue);
  const sara = await registeredSupplier(browser, js, project, "Sara", `Tidsbolaget ${project}`,
    js ? "556300-0073" : "556300-0081", dialogue);

  // The host offers three times; a cut-off after the first is refused, nothing typed is lost.
  await page.goto(`/dialoger/${dialogue}`);
  await page.locator("#field-first_date").fill(`${year}-03-10`);
  await page.locator("#field-first_time").fill("09:00");
  await page.getByLabel("Antal tider i följd").fill("3");
  await page.getByLabel("Längd i minuter").fill("45");
  await page.getByLabel("Paus mellan tiderna i minuter").fill("15");
  await page.getByLabel("Plats", { exact: true }).fill("Stadshuset, rum 3");
  await page.locator("#field-cutoff_date").fill(`${year}-03-11`);
  await page.locator("#field-cutoff_time").fill("16:00");
  const offer = page.getByRole("button", { name: "Erbjud tiderna till alla anmälda leverantörer" });
  await offer.click();
  await expectRefusalAtSummary(page);
  await expect(page.locator("#field-cutoff-error")).toContainText("före den första tiden");
  await expect(page.getByLabel("Plats", { exact: true })).toHaveValue("Stadshuset, rum 3");
  await page.locator("#field-cutoff_date").fill(`${year}-03-08`);
  await offer.click();
  await expect(page.getByRole("status").filter({ hasText: "Tiderna är publicerade" })).toBeVisible();
  await expect(page.locator("section[aria-labelledby=enskilda-moten]").getByText("Ledig")).toHaveCount(3);
  await expectNoAxeViolations(page);
  for (const email of [olle.email, sara.email]) {
    expect(mailsTo(email).some((m) => m.subject.startsWith("Tider för enskilda möten"))).toBe(true);
  }

  // Both open the public page; Olle books the first time.
  await sara.page.goto(`/marknadsdialoger/${dialogue}`);
  await olle.page.goto(`/marknadsdialoger/${dialogue}`);
  const booking = olle.page.locator("section[aria-labelledby=boka]");
  await expect(booking.getByRole("heading", { name: "Boka ett enskilt möte" })).toBeVisible();
  await expectNoAxeViolations(olle.page);
  if (js) await expectFitsPhone(olle.page);
  await booking.getByRole("radio").first().check();
  await booking.getByLabel("Vem kommer").fill("Olle Ås, vd");
  await booking.getByRole("button", { name: /Boka vald tid/ }).click();
  await expect(olle.page.getByRole("status").filter({ hasText: "Bokningen är sparad" })).toBeVisible();
  await expect(olle.page.locator("section[aria-labelledby=boka]")).toContainText("Er tid:");

  // Sara's page still shows it free; taking it is refused at the summary.
  const hers = sara.page.locator("section[aria-labelledby=boka]");
  await hers.getByRole("radio").first().check();
  await hers.getByLabel("Vem kommer").fill("Sara Ek, säljchef");
  await hers.getByRole("button", { name: /Boka vald tid/ }).click();
  await expectRefusalAtSummary(sara.page, { fields: false });
  await expect(sara.page.locator("#error-summary")).toContainText("Tiden hann bokas av en annan leverantör");
  const taken = sara.page.locator("section[aria-labelledby=boka]").getByRole("radio").first();
  await expect(taken).toBeDisabled();
  await expect(taken, "a taken time is not left chosen").not.toBeChecked();
  await expectNoAxeViolations(sara.page);
  await sara.page.locator("section[aria-labelledby=boka]").getByRole("radio").nth(1).check();
  await sara.page.locator("section[aria-labelledby=boka]").getByLabel("Vem kommer").fill("Sara Ek, säljchef");
  await sara.page.locator("section[aria-labelledby=boka]").getByRole("button", { name: /Boka vald tid/ }).click();
  await expect(sara.page.getByRole("status").filter({ hasText: "Bokningen är sparad" })).toBeVisible();

  // The host sees who booked which time.
  await page.goto(`/dialoger/${dialogue}#enskilda-moten`);
  const slots = page.locator("section[aria-labelledby=enskilda-moten]").locator("li");
  await expect(slots.nth(0)).toContainText(`Mötesbolaget ${project}`);
  await expect(slots.nth(1)).toContainText(`Tidsbolaget ${project}`);
  await expect(slots.nth(2)).toContainText("Ledig");
});

test("hosts publish a document to every registered supplier, a disguised file is refused, and a registered supplier downloads it", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const js = project === "js";
  const { dialogue } = await plannedDialogue(page, browser, project, {
    form: "extern_remiss",
    orgNumber: js ? "212000-5190" : "212000-5208",
  });
  await post(page, "/api/dialogues/status", [
    ["dialogue", dialogue],
    ["status", "announced"],
    ["reason", "Ut på remiss."],
  ]);
  const olle = await registeredSupplier(browser, js, project, "Olle", `Remissbolaget ${project}`,
    js ? "556300-0099" : "556300-0107", dialogue);

  await page.goto(`/dialoger/${dialogue}`);
  const documents = page.locator("section[aria-labelledby=dokument]");
  await documents.getByText("Publicera ett dokument").click();
  await documents.getByLabel("Dokumentets namn").fill("Utkast till kravspecifikation");
  const file = documents.locator("#field-file");
  await file.setInputFiles({ name: "krav.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) });
  const publish = documents.getByRole("button", { name: "Publicera och meddela alla anmälda leverantörer" });
  await publish.click();
  await expectRefusalAtSummary(page);
  await expect(page.locator("#field-file-error")).toContainText("inte av en typ som tas emot");
  await expect(page.getByLabel("Dokumentets namn")).toHaveValue("Utkast till kravspecifikation");
  await page.locator("#field-file").setInputFiles({
    name: "krav.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "Publicera och meddela alla anmälda leverantörer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dokumentet är publicerat" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(mailsTo(olle.email).some((m) => m.subject.startsWith("Nytt dokument i dialogen"))).toBe(true);

  await olle.page.goto(`/marknadsdialoger/${dialogue}`);
  const link = olle.page.getByRole("link", { name: "Ladda ner krav.pdf" });
  await expect(link).toBeVisible();
  await expectNoAxeViolations(olle.page);
  if (js) await expectFitsPhone(olle.page);
  const [download] = await Promise.all([olle.page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("krav.pdf");

  await page.goto(`/dialoger/${dialogue}`);
  await expect(page.locator("section[aria-labelledby=dokument]")).toContainText(`Remissbolaget ${project}`);
});
