import { execFileSync } from "node:child_process";
import { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations } from "./fixtures";

/** The newest link mailed to `email`, read with `samrad outbox` (no HTTP route shows mail). */
function linkMailedTo(email: string): string {
  const out = execFileSync(
    process.env.SAMRAD_BIN!,
    ["outbox", "--to", email, "--limit", "1", "--json"],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, RUST_LOG: "error" } },
  ).toString();
  const [mail] = JSON.parse(out);
  const link = mail.body.match(/https?:\/\/\S+token=\S+/)?.[0];
  expect(link, mail.body).toBeTruthy();
  return new URL(link).pathname + new URL(link).search;
}

function uniqueEmail(project: string, what: string) {
  return `${what}-${project}-${Date.now()}@kommun.se`;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/konto/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

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
  await expect(page).toHaveURL(/\/konto$/);
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
  await expect(page).toHaveURL(/\/konto\/logga-in$/);

  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/konto$/);
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
