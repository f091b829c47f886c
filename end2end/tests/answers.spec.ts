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

test("a supplier answers an RFI in writing, asks for one part to be kept confidential, reads its receipt and submits a second version; the host reads both", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const js = project === "js";
  const { dialogue } = await plannedDialogue(page, browser, project, {
    form: "rfi",
    orgNumber: js ? "212000-5125" : "212000-5133",
  });
  await post(page, "/api/dialogues/status", [
    ["dialogue", dialogue],
    ["status", "announced"],
    ["reason", "Ut på marknaden."],
  ]);

  const supplier = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  const email = await verifiedPerson(supplier, "Sara", project);
  const company = `Skrivbolaget ${project}`;
  const s = idIn(
    await post(supplier, "/api/suppliers/register", [
      ["name", company],
      ["country", "SE"],
      ["identifier", js ? "556300-0016" : "556300-0024"],
    ]),
  );
  await post(supplier, "/api/market/register", [
    ["dialogue", dialogue],
    ["supplier", s],
  ]);

  // From the public page to the answer form.
  await supplier.goto(`/marknadsdialoger/${dialogue}`);
  await supplier.getByRole("link", { name: "Skriv ert svar" }).click();
  await expect(supplier.getByRole("heading", { level: 1 })).toHaveText("Skriftligt svar");
  await expect(supplier.getByText("kan inte lova att det hålls hemligt")).toBeVisible();
  await expectNoAxeViolations(supplier);
  if (js) await expectFitsPhone(supplier);

  // A confidentiality request without its reason is refused; nothing typed is lost.
  const answer = supplier.locator("#field-answer_1");
  await answer.fill("Vi levererar stolpar på 150 kW till 40 000 kr styck.");
  await supplier.getByText("Begär sekretess för den här delen").click();
  await supplier.locator("#field-what_1").fill("Priset per stolpe");
  await supplier.getByRole("button", { name: "Lämna in svaret" }).click();
  await expectRefusalAtSummary(supplier);
  await expect(answer).toHaveValue("Vi levererar stolpar på 150 kW till 40 000 kr styck.");
  await expect(supplier.locator("#field-what_1")).toHaveValue("Priset per stolpe");
  await supplier.locator("#field-why_1").fill("Affärshemlighet");
  await supplier.locator("#field-harm_1").fill("Konkurrenterna kan underbjuda oss.");
  await supplier.getByRole("button", { name: "Lämna in svaret" }).click();

  // The receipt: number, time in Stockholm and UTC, digest, and the request shown first.
  await expect(supplier.getByRole("status").filter({ hasText: "Svaret är inlämnat" })).toBeVisible();
  const heading = await supplier.getByRole("heading", { level: 1 }).textContent();
  const receipt = heading!.replace("Kvitto ", "").trim();
  expect(receipt).toMatch(/^SV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(supplier.getByText("UTC", { exact: false }).first()).toBeVisible();
  await expect(supplier.getByRole("region", { name: "Begäran om sekretess" })).toContainText("Affärshemlighet");
  await expectNoAxeViolations(supplier);
  if (js) await expectFitsPhone(supplier);
  const mail = mailsTo(email).find((m) => m.subject.includes(receipt));
  expect(mail, "the receipt is mailed").toBeTruthy();
  const digest = await supplier.locator("code.digest").textContent();
  expect(mail!.body).toContain(digest!);

  // A second version before the deadline; the first is kept.
  await supplier.getByRole("link", { name: "Till ert svar" }).click();
  await expect(answer).toHaveValue("Vi levererar stolpar på 150 kW till 40 000 kr styck.");
  await answer.fill("Vi levererar stolpar på 150 kW.");
  await supplier.locator("#field-what_1").fill("");
  await supplier.locator("#field-why_1").fill("");
  await supplier.locator("#field-harm_1").fill("");
  await supplier.getByRole("button", { name: "Lämna in svaret" }).click();
  await expect(supplier.getByRole("status").filter({ hasText: "Svaret är inlämnat" })).toBeVisible();
  await expect(supplier.getByRole("link", { name: /^Version 1/ })).toBeVisible();

  // The host reads both as they arrive, the first with its request.
  await page.goto(`/dialoger/${dialogue}`);
  const received = page.getByRole("region", { name: "Inkomna skriftliga svar" });
  await expect(received.getByRole("link")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await received.getByRole("link", { name: new RegExp(`^${company}, Version 1`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kvitto ${receipt}`);
  await expect(page.getByText("Konkurrenterna kan underbjuda oss.")).toBeVisible();
  await expectNoAxeViolations(page);
  if (js) await expectFitsPhone(page);
  await page.getByRole("link", { name: /^Version 2/ }).click();
  await expect(page.getByText("Vi levererar stolpar på 150 kW.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Begäran om sekretess" })).toHaveCount(0);
});
