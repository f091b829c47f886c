import {
  test,
  expect,
  expectFitsPhone,
  expectNoAxeViolations,
  expectRefusalAtSummary,
  networkOf,
  peopleWithOrganisations,
} from "./fixtures";

test("a member posts a need with two requirements, two organisations declare interest, and the demand adds up", async ({ page, browser }, info) => {
  // Three people, three organisations, a site admin and several axe runs.
  test.setTimeout(240_000);
  const project = info.project.name;
  const js = project === "js";
  const numbers = js
    ? ["212000-3005", "212000-3013", "212000-3021"]
    : ["212000-3039", "212000-3047", "212000-3054"];

  const [anna, bo, cilla] = await peopleWithOrganisations(page, browser, project, [
    ["Anna", numbers[0]],
    ["Bo", numbers[1]],
    ["Cilla", numbers[2]],
  ]);
  const network = await networkOf([anna, bo, cilla], {
    name: `Elbussar ${project}`,
    purpose: "Gemensam efterfrågan på elbussar.",
    visibility: "listed",
  });

  // Bo's organisation posts the need through the form.
  const b = bo.page;
  await b.goto(`/natverk/${network}`);
  if (js) await expectFitsPhone(b);
  await b.getByRole("link", { name: "Beskriv ett nytt behov" }).click();
  await expectNoAxeViolations(b);
  if (js) await expectFitsPhone(b);
  await b.getByLabel("Rubrik").fill("Eldrivna bussar i linjetrafik");
  await b.getByLabel("Problem", { exact: true }).fill("Bussarna går på **diesel** och bullrar.");
  await b.getByLabel("Önskad effekt").fill("Tysta, fossilfria bussar.");
  await b.getByLabel("Vilka berörs").fill("Resenärer, förare och grannar.");
  // The long lists are folded into groups, so the form stays short.
  await expect(b.getByLabel("34 Transportutrustning och transporthjälpmedel")).toBeHidden();
  await b.locator("summary", { hasText: "Varor" }).click();
  await b.getByLabel("34 Transportutrustning och transporthjälpmedel").check();
  await b.locator("summary", { hasText: "Svealand" }).click();
  await b.getByLabel("Stockholms län").check();
  await b.getByRole("button", { name: "Dela med nätverket" }).click();
  const saved = b.getByRole("status").filter({ hasText: "Behovet är sparat." });
  await expect(saved).toBeVisible();
  await expect(saved).toBeInViewport();
  await expect(b.locator("strong", { hasText: "diesel" })).toBeVisible();
  const needPage = b.url().split("?")[0];

  const propose = b.locator("form", { has: b.getByRole("button", { name: "Föreslå kravet" }) });
  const proposeButton = propose.getByRole("button", { name: "Föreslå kravet" });
  // For the need's owner proposing is not the next step: it is folded.
  const openPropose = async () => {
    if (!(await proposeButton.isVisible())) await b.locator("summary", { hasText: "Föreslå ett krav" }).click();
  };
  // An empty proposal is refused at the summary, each error tied to its field.
  await openPropose();
  await proposeButton.click();
  await expectRefusalAtSummary(b);
  for (const [text, level] of [
    ["Räckvidd minst 250 km på en laddning", "Ska (obligatoriskt)"],
    ["Laddas över natten i depå", "Bör (önskvärt)"],
  ]) {
    await openPropose();
    await propose.getByLabel("Kravet", { exact: true }).fill(text);
    await propose.getByLabel("Motivering").fill("Linjerna är långa.");
    await propose.getByLabel("Hur kravet verifieras").fill("Provkörning en vintervecka.");
    await propose.getByLabel(level).check();
    await propose.getByRole("button", { name: "Föreslå kravet" }).click();
    await expect(b.locator(".requirement > p", { hasText: text })).toBeVisible();
  }
  await expect(b.getByRole("heading", { name: "Krav 2 – Bör (önskvärt)" })).toBeVisible();
  await expectNoAxeViolations(b);

  // Two other organisations declare their interest.
  for (const [who, quantity, value, confidence] of [
    [anna, "10", "50000000", "high"],
    [cilla, "4", "20 000 000", "low"],
  ] as const) {
    const p = who.page;
    await p.goto(needPage);
    await p.getByLabel("Antal").fill(quantity);
    await p.getByLabel("Enhet").fill("bussar");
    await p.getByLabel("Uppskattat värde (kronor)").fill(value);
    await p.getByLabel("Hur säker är uppskattningen?").selectOption(confidence);
    await p.getByRole("button", { name: "Anmäl intresse" }).click();
    const saved = p.getByRole("status").filter({ hasText: "Intresset är sparat." });
    await expect(saved).toBeVisible();
    await expect(saved).toBeInViewport();
    // The answer stands as given, with the form to change it folded away.
    await expect(p.getByRole("heading", { name: "Ert svar" })).toBeVisible();
    await expect(p.getByText("Ändra svaret")).toBeVisible();
    await expect(p.getByRole("button", { name: "Spara svaret" })).toBeHidden();
  }

  await b.goto(needPage);
  await expect(b.locator(".demand-total")).toHaveText(/^Organisationer\s*2\s*Uppskattat värde totalt\s*70\s000\s000\skr$/);
  const byUnit = b.locator("table", { has: b.getByText("Volym per enhet") });
  await expect(byUnit.getByRole("row", { name: /bussar 2 14/ })).toBeVisible();
  await expect(b.locator("svg[role=img] rect")).toHaveCount(1);
  const byConfidence = b.locator("table", { has: b.getByText("Efter hur säker uppskattningen är") });
  await expect(byConfidence.getByRole("row", { name: /Hög 1 50\s000\s000\skr/ })).toBeVisible();
  await expect(byConfidence.getByRole("row", { name: /Låg 1 20\s000\s000\skr/ })).toBeVisible();
  await expect(b.getByRole("link", { name: "Ladda ner efterfrågan (CSV)" })).toBeVisible();
  await expectNoAxeViolations(b);
  if (js) await expectFitsPhone(b);
});
