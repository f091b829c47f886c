import { createHmac } from "node:crypto";
import { Locator } from "@playwright/test";
import {
  test,
  expect,
  expectNoAxeViolations,
  expectRefusalAtSummary,
  linkMailedTo,
  signIn,
  uniqueEmail,
} from "./fixtures";

test("sign up, verify from the outbox, sign in, change password, sign out", async ({ page }, info) => {
  const email = uniqueEmail(info.project.name, "anna");
  const password = "gröna äpplen i november";
  const newPassword = "blå cyklar längs älven";

  await page.goto("/konto/skapa");
  await expectNoAxeViolations(page);
  await page.getByLabel("Namn").fill("Anna Andersson");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill("Password1234");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByRole("alert")).toContainText("Lösenordet är för vanligt");
  await expect(page.getByLabel("E-postadress")).toHaveValue(email);
  await expectNoAxeViolations(page);

  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByRole("status")).toContainText("vi skickat en länk");

  await page.goto(linkMailedTo(email));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Bekräfta e-postadressen" }).click();
  await expect(page.getByRole("status")).toHaveText("Din e-postadress är bekräftad.");

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/oversikt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Översikt");
  await expectNoAxeViolations(page);
  await page.goto("/konto");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
  await expect(page.getByRole("cell", { name: /Chrom/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Nuvarande lösenord").first().fill(password);
  await page.getByLabel("Nytt lösenord").fill(newPassword);
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page.getByRole("status").first()).toContainText("Lösenordet är bytt");

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Logga in" })).toBeVisible();
  await page.goto("/konto");
  await expect(page).toHaveURL(/\/konto\/logga-in\?till=%2Fkonto$/);
  await expect(page.getByText("Logga in för att komma till sidan du öppnade.")).toBeVisible();

  // Signing in from there returns to the page that was asked for.
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Logga in" }).last().click();
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
});

test("five wrong passwords lock the account with a clear message", async ({ page }, info) => {
  const email = uniqueEmail(info.project.name, "bo");
  await page.goto("/konto/skapa");
  await page.getByLabel("Namn").fill("Bo Berg");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill("tre gröna äpplen på bordet");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, email, `fel lösenord nummer ${attempt}`);
    await expect(page.getByRole("alert")).toContainText("Fel e-postadress eller lösenord.");
  }
  await expectNoAxeViolations(page);
  await signIn(page, email, "tre gröna äpplen på bordet");
  await expect(page.getByRole("alert")).toContainText("Kontot är låst i 15 minuter");
});

test("forgot password answers the same for any address and passes axe", async ({ page }) => {
  await page.goto("/konto/glomt-losenord");
  await expectNoAxeViolations(page);
  await page.getByLabel("E-postadress").fill("ingen-alls@kommun.se");
  await page.getByRole("button", { name: "Skicka länk" }).click();
  await expect(page.getByRole("status")).toContainText("Om adressen hör till ett konto");
});

/** The TOTP code (RFC 6238, SHA-1, 6 digits) for a base32 secret, `offset` steps from now. */
function totp(secret: string, offset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + offset));
  const mac = createHmac("sha1", key).update(counter).digest();
  const at = mac[19] & 0x0f;
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

test("two-step verification: set up with the app's code, then sign in with a code", async ({ page }, info) => {
  const email = uniqueEmail(info.project.name, "cilla");
  const password = "en lång mening om hösten";
  await page.goto("/konto/skapa");
  await page.getByLabel("Namn").fill("Cilla Carlsson");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/oversikt$/);
  await page.goto("/konto");

  await page.getByLabel("Ditt lösenord, för att bekräfta att det är du").fill(password);
  await page.getByRole("button", { name: "Slå på tvåstegsverifiering" }).click();
  await expect(page).toHaveURL(/\/konto\/tvasteg$/);
  await expect(page.locator("ol.codes li")).toHaveCount(10);
  await expectNoAxeViolations(page);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Kod").fill("000000");
  await page.getByRole("button", { name: "Bekräfta och slå på" }).click();
  await expect(page.getByRole("alert")).toContainText("Koden stämmer inte");
  await page.getByLabel("Kod").fill(totp(secret));
  await page.getByRole("button", { name: "Bekräfta och slå på" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tvåstegsverifiering är påslagen" })).toBeVisible();

  await page.getByRole("button", { name: "Logga ut" }).click();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/konto\/tvasteg\/verifiera$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Kod").fill(totp(secret, 1));
  await page.getByRole("button", { name: "Logga in" }).last().click();
  await expect(page).toHaveURL(/\/oversikt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Översikt");
});

test("with the keyboard alone: sign up, verify, skip to the form, a refused sign-in lands on the summary, then in", async ({ page }, info) => {
  /** Tabs forward until the element (an id, or a locator) has focus. */
  async function tabTo(target: string | Locator) {
    const wanted = typeof target === "string" ? page.locator(`[id="${target}"]`) : target;
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press("Tab");
      if (await wanted.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`${target} is not reachable with Tab`);
  }
  const email = uniqueEmail(info.project.name, "Kim");
  await page.goto("/konto/skapa");
  await tabTo("field-name");
  await page.keyboard.type("Kim");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("en lång mening om våren");
  await tabTo("field-language");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Skapa konto" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Tack!" })).toBeInViewport();
  // The link in the mail opens the page; its button is reached and pressed.
  await page.goto(linkMailedTo(email));
  await tabTo(page.getByRole("button", { name: "Bekräfta e-postadressen" }));
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/token=/);
  await page.goto("/konto/logga-in");
  // The skip link is first; from the content, the first field is next.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo("field-email");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Lösenord", { exact: true })).toBeFocused();
  await page.keyboard.type("inte mitt lösenord");
  await page.keyboard.press("Enter");
  await expectRefusalAtSummary(page, { fields: false });
  // The address typed comes back; the password never does.
  await expect(page.getByLabel("E-postadress")).toHaveValue(email);
  await expect(page.getByLabel("Lösenord", { exact: true })).toHaveValue("");

  await tabTo("field-password");
  await page.keyboard.type("en lång mening om våren");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/oversikt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Översikt");
});
