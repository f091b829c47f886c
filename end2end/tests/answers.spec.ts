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
  setClock,
  verifiedPerson,
} from "./fixtures";
import { readFileSync } from "node:fs";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
/** The start of a Windows program. */
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

test("a supplier answers an RFI in writing, asks for one part to be kept confidential, attaches a PDF (a disguised program is refused), reads its receipt and submits a second version; the deadline passes on the server's clock and a change is refused; the host reads both, downloads the PDF and exports the ZIP", async ({ page, browser }, info) => {
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

  // A program named .pdf is refused at the summary; what was typed stays.
  const files = supplier.locator("#field-files");
  await files.setInputFiles({ name: "program.pdf", mimeType: "application/pdf", buffer: EXE });
  await supplier.getByRole("button", { name: "Bifoga och spara utkast" }).click();
  await expectRefusalAtSummary(supplier);
  await expect(supplier.locator("#field-files-error")).toContainText("Inte bifogade: program.pdf.");
  await expect(supplier.locator("#field-why_1")).toHaveValue("Affärshemlighet");

  // A real PDF is attached, and saved with the draft.
  await files.setInputFiles({ name: "offert.pdf", mimeType: "application/pdf", buffer: PDF });
  await supplier.getByRole("button", { name: "Bifoga och spara utkast" }).click();
  await expect(supplier.getByRole("status").filter({ hasText: "Bilagorna är sparade" })).toBeVisible();
  await expect(supplier.getByRole("link", { name: "offert.pdf" })).toBeVisible();
  await expect(supplier.locator("#field-harm_1")).toHaveValue("Konkurrenterna kan underbjuda oss.");
  await expectNoAxeViolations(supplier);
  if (js) await expectFitsPhone(supplier);
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
  const [own] = await Promise.all([
    supplier.waitForEvent("download"),
    supplier.getByRole("link", { name: "offert.pdf" }).click(),
  ]);
  expect(own.suggestedFilename()).toBe("offert.pdf");
  expect(mail!.body).toContain("offert.pdf");
  const digest = await supplier.locator("code.digest").first().textContent();
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

  // The deadline (30 April 23:59 in Stockholm, summer time) passes on the
  // server's clock: the form says so and a change is refused with 409.
  const year = new Date().getFullYear() + 1;
  await setClock(page, Date.UTC(year, 3, 30, 21, 59));
  try {
    await supplier.goto(`/marknadsdialoger/${dialogue}/svar?leverantor=${s}`);
    await expect(supplier.getByText("Svarstiden har gått ut.").first()).toBeVisible();
    await expect(supplier.getByRole("button", { name: "Lämna in svaret" })).toHaveCount(0);
    await expectNoAxeViolations(supplier);
    const refused = await supplier.request.post("/api/answers/save", {
      data: new URLSearchParams([
        ["dialogue", dialogue],
        ["supplier", s],
        ["intent", "submit"],
        ["answer[]", "För sent."],
      ]).toString(),
      headers: { Origin: new URL(supplier.url()).origin, "Content-Type": "application/x-www-form-urlencoded" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain("answers_closed");
  } finally {
    await setClock(page, null);
  }

  // The host reads both as they arrive, the first with its request.
  await page.goto(`/dialoger/${dialogue}`);
  const received = page.getByRole("region", { name: "Inkomna skriftliga svar" });
  await expect(received.getByRole("link")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await received.getByRole("link", { name: new RegExp(`^${company}, Version 1`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kvitto ${receipt}`);
  await expect(page.getByText("Konkurrenterna kan underbjuda oss.")).toBeVisible();
  const [attachment] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "offert.pdf" }).click(),
  ]);
  expect(readFileSync(await attachment.path())).toEqual(PDF);
  await expectNoAxeViolations(page);
  if (js) await expectFitsPhone(page);
  await page.getByRole("link", { name: /^Version 2/ }).click();
  await expect(page.getByText("Vi levererar stolpar på 150 kW.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Begäran om sekretess" })).toHaveCount(0);

  // Every version with its files, as one ZIP for diarieföring.
  await page.goto(`/dialoger/${dialogue}`);
  await page.locator("#field-zip-diarienummer").fill("KS 2026/77");
  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Alla svar som ZIP" }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe("svar.zip");
  const bytes = readFileSync(await zip.path());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  expect(bytes.includes(Buffer.from("innehall.csv"))).toBe(true);
  expect(bytes.includes(PDF)).toBe(true);
});
