import {
  test,
  expect,
  expectFitsPhone,
  expectNoAxeViolations,
  idIn,
  networkOf,
  peopleWithOrganisations,
  post,
} from "./fixtures";

test("B replies to A's comment; A sees the count and the notification, follows it to the comment and marks it read", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const js = project === "js";
  const numbers = js ? ["212000-6008", "212000-6016"] : ["212000-6024", "212000-6032"];
  const [anna, bo] = await peopleWithOrganisations(page, browser, project, [
    ["Anna", numbers[0]],
    ["Bo", numbers[1]],
  ]);
  const network = await networkOf([anna, bo], {
    name: `Aviseringar ${project}`,
    purpose: "Vi provar aviseringar.",
    visibility: "listed",
  });
  const a = anna.page;
  const need = idIn(
    await post(a, "/api/needs/create", [
      ["network", network],
      ["organisation", anna.org],
      ["title", "Laddstolpar vid depåerna"],
      ["problem", "För få."],
      ["effect", "Fler."],
      ["affected", "Alla."],
      ["staircase", "infora"],
      ["divisions[]", "34"],
      ["regions[]", "01"],
      ["horizon", `${new Date().getFullYear() + 1}-1`],
      ["status", "shared"],
    ]),
  );
  await a.goto(`/behov/${need}`);
  await a.getByLabel("Skriv en kommentar").fill("Hur många stolpar behöver ni?");
  await a.getByRole("button", { name: "Skicka kommentaren" }).click();
  await expect(a.getByText("Du följer diskussionen")).toBeVisible();

  const b = bo.page;
  await b.goto(`/behov/${need}`);
  await b.getByRole("link", { name: "Svara" }).first().click();
  await b.getByLabel("Svara").fill("Vi behöver **tolv** stycken.");
  await b.getByRole("button", { name: "Skicka svaret" }).click();
  await expect(b.getByRole("status").filter({ hasText: "Kommentaren är publicerad." })).toBeVisible();

  // The count is in the header of any page A opens, read out with what it counts.
  const wide = a.locator(".site-nav--wide");
  await a.goto("/natverk");
  await wide.getByRole("link", { name: "Aviseringar 1 olästa" }).click();
  await expect(a).toHaveURL(/\/aviseringar$/);
  await expect(a.getByText("Du har 1 oläst avisering.")).toBeVisible();
  await expectNoAxeViolations(a);
  if (js) await expectFitsPhone(a);
  const item = a.getByRole("listitem").filter({ hasText: "svarade på din kommentar om" });
  await expect(item.getByText("Ny", { exact: true })).toBeVisible();

  // It leads to the reply in its discussion.
  await item.getByRole("link", { name: /svarade på din kommentar om Laddstolpar vid depåerna/ }).click();
  await expect(a).toHaveURL(new RegExp(`/behov/${need}#kommentar-`));
  const anchor = new URL(a.url()).hash;
  await expect(a.locator(anchor)).toContainText("tolv");

  // Marked read, it says so where the eye is, and the count is gone.
  await a.goto("/aviseringar");
  await a.getByRole("button", { name: "Markera som läst" }).click();
  const marked = a.getByRole("status").filter({ hasText: "Aviseringen är markerad som läst." });
  await expect(marked).toBeVisible();
  await expect(marked).toBeFocused();
  await expect(a.getByText("Du har inga olästa aviseringar.")).toBeVisible();
  await expect(wide.getByRole("link", { name: "Aviseringar", exact: true })).toBeVisible();
  await expectNoAxeViolations(a);

  if (js) {
    // With JavaScript the count comes without a reload: the page asks
    // every minute, on a clock the test moves.
    await a.clock.install();
    await a.goto("/aviseringar");
    await b.goto(`/behov/${need}`);
    await b.getByLabel("Skriv en kommentar").fill("Och laddtiden?");
    await b.getByRole("button", { name: "Skicka kommentaren" }).click();
    await expect(wide.getByRole("link", { name: "Aviseringar", exact: true })).toBeVisible();
    await a.clock.runFor(61_000);
    await expect(wide.getByRole("link", { name: "Aviseringar 1 olästa" })).toBeVisible();
  }
});
