import {
  test,
  expect,
  expectFitsPhone,
  expectNoAxeViolations,
  expectRefusalAtSummary,
  networkOf,
  peopleWithOrganisations,
  plannedDialogue,
  post,
} from "./fixtures";

// Search (#19): from the header, in Swedish word forms, filtered, with the
// matched words marked, and a refused query said at a focused summary.

test("a member searches from the header for another form of a word, filters by kind, sees the words marked and opens the need", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const js = project === "js";
  const [alva] = await peopleWithOrganisations(page, browser, project, [
    ["Alva", js ? "212000-8004" : "212000-8012"],
  ]);
  const network = await networkOf([alva], {
    name: "Söknätverket",
    purpose: "Cyklar och laddning.",
    visibility: "hidden",
  });
  // A word of its own per run, so other tests' needs never match.
  const word = `Lådcyklar${project}${Date.now()}`;
  const year = new Date().getFullYear() + 1;
  await post(page, "/api/needs/create", [
    ["network", network],
    ["organisation", alva.org],
    ["title", `${word} för hemtjänsten`],
    ["problem", `Personalen behöver ${word.toLowerCase()} och laddstolpar vid garaget.`],
    ["effect", "Färre bilresor."],
    ["affected", "Hemtjänsten."],
    ["staircase", "infora"],
    ["divisions[]", "34"],
    ["regions[]", "01"],
    ["horizon", `${year}-1`],
    ["status", "shared"],
  ]);

  await page.goto("/");
  const box = page.getByRole("search", { name: "Sök i Samråd" }).getByRole("searchbox");
  await box.fill(`${word} laddstolpe`);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/sok\?q=/);
  const heading = page.getByRole("heading", { level: 2, name: /1 träff för/ });
  await expect(heading).toBeVisible();
  const hit = page.locator(".search-hit").first();
  await expect(hit.locator("mark").filter({ hasText: "laddstolpar" })).toBeVisible();
  await expect(hit.getByText("Söknätverket", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  if (js) await expectFitsPhone(page);

  // Narrowed to comments there is nothing; back to needs, the one need.
  await page.getByText("Avgränsa sökningen").click();
  await page.getByLabel("Typ", { exact: true }).selectOption("kommentar");
  await page.getByRole("button", { name: "Sök", exact: true }).last().click();
  await expect(page.getByRole("heading", { level: 2, name: /0 träffar för/ })).toBeVisible();
  await expect(page.getByText("Inga träffar.")).toBeVisible();
  await page.getByLabel("Typ", { exact: true }).selectOption("behov");
  await page.getByRole("button", { name: "Sök", exact: true }).last().click();
  await expect(page.getByRole("heading", { level: 2, name: /1 träff för/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator(".search-hit h3 a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${word} för hemtjänsten`);

  // A query of nothing but operators is refused at a focused summary,
  // with what was typed given back.
  await page.goto("/sok");
  await expectNoAxeViolations(page);
  await page.getByLabel("Sökord").fill('" * - "');
  await page.getByRole("button", { name: "Sök", exact: true }).last().click();
  await expectRefusalAtSummary(page);
  await expect(page.getByLabel("Sökord")).toHaveValue('" * - "');
  await expectNoAxeViolations(page);
});

test("anyone searches the public board without signing in and finds an announced dialogue by another form of its words", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const js = project === "js";
  const { dialogue, title } = await plannedDialogue(page, browser, project, {
    form: "rfi",
    orgNumber: js ? "212000-8020" : "212000-8038",
  });
  await post(page, "/api/dialogues/status", [
    ["dialogue", dialogue],
    ["status", "announced"],
    ["reason", "Ut på marknaden."],
  ]);
  const visitor = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await visitor.goto("/marknadsdialoger");
  const box = visitor.getByRole("searchbox", { name: "Sök bland marknadsdialogerna" });
  // The title's last word is the run's own number; "laddstolpe" finds "laddstolpar".
  await box.fill(`laddstolpe ${title.split(" ").pop()}`);
  await box.press("Enter");
  await expect(visitor).toHaveURL(/\/marknadsdialoger\?q=/);
  const hit = visitor.locator(".search-hit").first();
  await expect(hit.locator("mark").first()).toBeVisible();
  await expect(hit.getByText("publicerat för alla")).toBeVisible();
  await expectNoAxeViolations(visitor);
  if (js) await expectFitsPhone(visitor);
  await hit.locator("h3 a").click();
  await expect(visitor).toHaveURL(new RegExp(`/marknadsdialoger/${dialogue}`));
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
});
