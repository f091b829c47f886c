import { Locator, Page } from "@playwright/test";
import {
  test,
  expect,
  networkOf,
  peopleWithOrganisations,
  plannedDialogue,
  post,
  verifiedPerson,
} from "./fixtures";

// The main flows with the keyboard alone (WCAG 2.1.1): every step is
// reached with Tab (or Shift+Tab), typed, and sent with Enter or Space;
// no click and no `fill`. Set-up that the journey is not about is done
// by form posts, as in the other specs.

/**
 * Presses Tab until `target` has focus, and fails if it never does: the
 * control is then out of a keyboard user's reach. `back` walks with
 * Shift+Tab, for a control above the one focused (after a notice took
 * focus, say).
 */
async function tabTo(page: Page, target: Locator, { back = false } = {}) {
  await expect(target, "the control is on the page").toHaveCount(1);
  for (let step = 0; step < 250; step++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target} is not reachable with ${back ? "Shift+Tab" : "Tab"}`);
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to a button, a link or a summary and presses Enter. */
async function press(page: Page, target: Locator, key = "Enter") {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Starts a page's walk from its top, as a person arriving does. */
async function arrive(page: Page, path: string) {
  await page.goto(path);
  await page.locator("body").focus();
}

test("with the keyboard alone: a member posts a need, another declares interest, and they discuss it in a comment and a reply", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const js = project === "js";
  const numbers = js ? ["212000-7006", "212000-7014"] : ["212000-7022", "212000-7030"];

  const [alva, bertil] = await peopleWithOrganisations(page, browser, project, [
    ["Alva", numbers[0]],
    ["Bertil", numbers[1]],
  ]);
  const network = await networkOf([alva, bertil], {
    name: `Tangentbordsnätet ${project}`,
    purpose: "Gemensam efterfrågan på cyklar.",
    visibility: "hidden",
  });

  // Bertil posts a need from the network's page.
  const b = bertil.page;
  await arrive(b, `/natverk/${network}`);
  await press(b, b.getByRole("link", { name: "Beskriv ett nytt behov" }));
  await expect(b.getByRole("heading", { level: 1 })).toContainText("behov");
  await b.locator("body").focus();
  await typeInto(b, b.getByLabel("Rubrik"), "Lastcyklar för hemtjänsten");
  await typeInto(b, b.getByLabel("Problem", { exact: true }), "Bilarna står i kö i centrum.");
  await typeInto(b, b.getByLabel("Önskad effekt"), "Snabbare besök utan utsläpp.");
  await typeInto(b, b.getByLabel("Vilka berörs"), "Personalen och de som får besök.");
  // The folded groups open with Enter and a box is ticked with Space.
  await press(b, b.locator("summary", { hasText: "Varor" }));
  await press(b, b.getByLabel("34 Transportutrustning och transporthjälpmedel"), "Space");
  await expect(b.getByLabel("34 Transportutrustning och transporthjälpmedel")).toBeChecked();
  await press(b, b.locator("summary", { hasText: "Svealand" }));
  await press(b, b.getByLabel("Stockholms län"), "Space");
  await expect(b.getByLabel("Stockholms län")).toBeChecked();
  await press(b, b.getByRole("button", { name: "Dela med nätverket" }));
  const saved = b.getByRole("status").filter({ hasText: "Behovet är sparat." });
  await expect(saved).toBeInViewport();
  const needPage = b.url().split("?")[0].split("#")[0];

  // Alva declares her organisation's interest; the select is set by typing.
  const a = alva.page;
  await arrive(a, needPage);
  await typeInto(a, a.getByLabel("Antal"), "12");
  await typeInto(a, a.getByLabel("Enhet"), "cyklar");
  await typeInto(a, a.getByLabel("Uppskattat värde (kronor)"), "600 000");
  await tabTo(a, a.getByLabel("Hur säker är uppskattningen?"));
  await a.keyboard.press("ArrowDown");
  const confidence = await a.getByLabel("Hur säker är uppskattningen?").inputValue();
  expect(confidence, "the arrow key chose an answer").not.toBe("");
  await press(a, a.getByRole("button", { name: "Anmäl intresse" }));
  await expect(a.getByRole("status").filter({ hasText: "Intresset är sparat." })).toBeInViewport();
  await expect(a.getByRole("heading", { name: "Ert svar" })).toBeVisible();

  // She comments; Bertil follows the reply link and answers.
  await arrive(a, needPage);
  await typeInto(a, a.getByLabel("Skriv en kommentar"), "Behövs det el-assistans i backarna?");
  await press(a, a.getByRole("button", { name: "Skicka kommentaren" }));
  await expect(a.locator(".comment", { hasText: "Behövs det el-assistans i backarna?" })).toBeVisible();

  await arrive(b, needPage);
  await press(b, b.locator(".thread").first().getByRole("link", { name: /^Svara/ }).first());
  await typeInto(b, b.getByLabel("Svara", { exact: true }), "Ja, det är brant vid sjukhuset.");
  await press(b, b.getByRole("button", { name: "Skicka svaret" }));
  await expect(b.locator(".comment--depth-1", { hasText: "Ja, det är brant vid sjukhuset." })).toBeVisible();
});

test("with the keyboard alone: a host announces a dialogue, a supplier registers and asks, and the host publishes the answer", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const js = project === "js";
  const { dialogue, title } = await plannedDialogue(page, browser, project, {
    form: "dialogmote",
    orgNumber: js ? "212000-7048" : "212000-7055",
  });

  // The host announces it with the status form.
  await arrive(page, `/dialoger/${dialogue}`);
  const status = page.getByLabel("Ny status");
  await tabTo(page, status);
  // Typing an option's first letters chooses it, as on any select.
  await page.keyboard.type("Annonserad");
  await expect(status).toHaveValue("announced");
  await typeInto(page, page.getByLabel("Motivering"), "Ut på marknaden.");
  await press(page, page.getByRole("button", { name: "Ändra status" }));
  await expect(page.getByRole("link", { name: "Den offentliga sidan" })).toBeVisible();
  // The host's own organisation registers who attends.
  await typeInto(page, page.getByLabel("Vilka deltar"), "Hanna, upphandlare");
  await press(page, page.getByRole("button", { name: /^Anmäl/ }));
  await expect(page.getByRole("status").filter({ hasText: "Anmälan är sparad." })).toBeInViewport();

  // A supplier, set up by form posts, registers and asks from the public page.
  const supplier = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await verifiedPerson(supplier, "Signe", project);
  await post(supplier, "/api/suppliers/register", [
    ["name", `Cykelbolaget ${project}`],
    ["country", "SE"],
    ["identifier", js ? "556200-7004" : "556200-7012"],
  ]);
  await arrive(supplier, "/marknadsdialoger");
  await press(supplier, supplier.getByRole("link", { name: title }));
  await expect(supplier.getByRole("heading", { level: 1 })).toHaveText(title);
  await supplier.locator("body").focus();
  await press(supplier, supplier.getByRole("button", { name: /^Anmäl/ }));
  await expect(supplier.getByRole("status").filter({ hasText: "Anmälan är sparad." })).toBeInViewport();
  // An empty question is refused at the summary, whose link leads to the field.
  await press(supplier, supplier.getByRole("button", { name: "Skicka frågan" }));
  await expect(supplier.locator("#error-summary")).toBeFocused();
  await press(supplier, supplier.locator("#error-summary a").first());
  await expect(supplier.getByLabel("Fråga", { exact: true })).toBeFocused();
  await supplier.keyboard.type("Hur många cyklar per station?");
  await press(supplier, supplier.getByRole("button", { name: "Skicka frågan" }));
  await expect(supplier.getByRole("status").filter({ hasText: "Frågan är skickad" })).toBeInViewport();

  // The host words it neutrally, answers and publishes.
  await arrive(page, `/dialoger/${dialogue}`);
  const wording = page.locator("#field-wording");
  await tabTo(page, wording);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Hur många cyklar står vid varje station?");
  await typeInto(page, page.locator("#field-reply"), "Tio, med plats för fler.");
  await press(page, page.getByRole("button", { name: "Publicera svaret till alla" }));
  await expect(page.getByRole("status").filter({ hasText: "Svaret är publicerat" })).toBeInViewport();

  await supplier.goto(supplier.url().split("?")[0].split("#")[0]);
  await expect(supplier.getByText("Tio, med plats för fler.")).toBeVisible();
  await expect(supplier.getByText("Hur många cyklar står vid varje station?")).toBeVisible();
});

test("with the keyboard alone: a person of a verified organisation starts a network and makes it active", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  await peopleWithOrganisations(page, browser, project, [["Cecilia", project === "js" ? "212000-7063" : "212000-7071"]]);
  const name = `Tangentbordets nätverk ${project} ${Date.now()}`;

  await arrive(page, "/natverk/nytt");
  await typeInto(page, page.getByLabel("Nätverkets namn"), name);
  await typeInto(page, page.getByLabel("Syfte", { exact: true }), "Vi vill minska utsläppen från transporterna.");
  await press(page, page.getByLabel("Uppsala län"), "Space");
  await expect(page.getByLabel("Uppsala län")).toBeChecked();
  await press(page, page.getByLabel("60 Transporter (utom avfallstransport)"), "Space");
  await expect(page.getByLabel("60 Transporter (utom avfallstransport)")).toBeChecked();
  // A radio group is one Tab stop, on its chosen option; the arrow keys
  // choose another.
  await tabTo(page, page.locator('input[name="staircase"]:checked'));
  const introduce = page.getByLabel(/^Introducera/);
  for (let step = 0; step < 6 && !(await introduce.isChecked()); step++) {
    await page.keyboard.press("ArrowUp");
  }
  await expect(introduce).toBeChecked();
  await expect(introduce).toBeFocused();
  await press(page, page.getByRole("button", { name: "Starta nätverket" }));
  await expect(page.getByRole("status")).toContainText("din organisation är samordnare");
  await expect(page.getByRole("status")).toBeInViewport();

  const status = page.getByLabel("Ny status");
  await tabTo(page, status, { back: true });
  await page.keyboard.type("Aktivt");
  await expect(status).toHaveValue("active");
  await typeInto(page, page.getByLabel("Motivering"), "Beslutat på startmötet.");
  await press(page, page.getByRole("button", { name: "Ändra status" }));
  await expect(page.getByText("Aktivt", { exact: true })).toBeVisible();
});
