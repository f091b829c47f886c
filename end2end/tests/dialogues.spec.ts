import {
  test,
  expect,
  expectFitsPhone,
  expectNoAxeViolations,
  expectRefusalAtSummary,
  idIn,
  post,
  networkOf,
  peopleWithOrganisations,
} from "./fixtures";

test("hosts plan a dialogue for two needs, two organisations register, a three-level thread, minutes approved, a summary linking input to a requirement, and the record exported", async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;
  const js = project === "js";
  const numbers = js ? ["212000-3062", "212000-3070"] : ["212000-3088", "212000-3096"];
  const year = new Date().getFullYear() + 1;

  const [anna, bo] = await peopleWithOrganisations(page, browser, project, [
    ["Anna", numbers[0]],
    ["Bo", numbers[1]],
  ]);
  const network = await networkOf([anna, bo], {
    name: `Dialognätverk ${project}`,
    purpose: "Dialoger om transporter.",
    visibility: "listed",
  });
  const needs: string[] = [];
  for (const title of ["Elbussar", "Laddning i depå"]) {
    const created = await post(anna.page, "/api/needs/create", [
      ["network", network],
      ["organisation", anna.org],
      ["title", title],
      ["problem", "Diesel."],
      ["effect", "El."],
      ["affected", "Alla."],
      ["staircase", "infora"],
      ["divisions[]", "34"],
      ["regions[]", "01"],
      ["horizon", `${year}-1`],
      ["status", "shared"],
    ]);
    needs.push(idIn(created));
  }
  await post(anna.page, "/api/needs/propose-requirement", [
    ["need", needs[0]],
    ["text", "Räckvidd minst 300 km"],
    ["motive", "Linjerna är långa."],
    ["verification", "Provkörning"],
    ["level", "ska"],
  ]);

  // Anna's organisation plans the dialogue through the form.
  const a = anna.page;
  await a.goto(`/natverk/${network}`);
  await a.getByRole("link", { name: "Planera en marknadsdialog" }).click();
  await expectNoAxeViolations(a);
  // Sent empty, the plan is refused at the summary; the needs, the
  // deadline and the meeting are groups whose errors are tied to them.
  await a.getByRole("button", { name: "Planera dialogen" }).click();
  await expectRefusalAtSummary(a);
  await a.getByLabel("Rubrik").fill("Dialogmöte om elbussar");
  await a.getByLabel("Syfte och beskrivning").fill("Vi vill höra hur marknaden ser på laddning.");
  await a.getByLabel("Form", { exact: true }).selectOption("dialogmote");
  await a.getByLabel("Elbussar").check();
  await a.getByLabel("Laddning i depå").check();
  await a.getByLabel("Frågor till marknaden").fill("Hur långt räcker en laddning?\nVilka depåkrav finns?");
  await a.getByLabel("CPV-kod").fill("34144900-7");
  await a.getByLabel("Plats (län)").selectOption("01");
  await a.locator("#field-deadline-date").fill(`${year}-04-30`);
  await a.locator("#field-deadline-time").fill("23:59");
  await a.getByLabel("Antal platser (organisationer)").fill("10");
  await a.locator("#field-session-1-date").fill(`${year}-03-12`);
  await a.locator("#field-session-1-start").fill("09:00");
  await a.locator("#field-session-1-end").fill("11:00");
  await a.locator("#field-session-1-place").fill("Stadshuset");
  await a.getByRole("button", { name: "Planera dialogen" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Dialogen är planerad." })).toBeVisible();
  const dialoguePage = a.url().split("?")[0];
  await a.getByLabel("Ny status").selectOption("announced");
  await a.getByLabel("Motivering").fill("Annonserad på TED.");
  await a.getByRole("button", { name: "Ändra status" }).click();
  await expect(a.getByText("Annonserad", { exact: true })).toBeVisible();

  // Both organisations register; a registration naming nobody is refused
  // at the summary, whose link lands on this organisation's field.
  await a.goto(dialoguePage);
  await a.getByRole("button", { name: /^Anmäl/ }).click();
  await expectRefusalAtSummary(a);
  await expect(a.getByLabel("Vilka deltar")).toHaveAttribute("aria-invalid", "true");
  for (const p of [a, bo.page]) {
    await p.goto(dialoguePage);
    await p.getByLabel("Vilka deltar").fill("En upphandlare och en strateg");
    await p.getByRole("button", { name: /^Anmäl/ }).click();
    await expect(p.getByRole("status").filter({ hasText: "Anmälan är sparad." })).toBeVisible();
  }
  await expect(bo.page.getByText("8 platser kvar av 10")).toBeVisible();
  await expectNoAxeViolations(bo.page);

  // A thread three levels deep between two people.
  await a.goto(dialoguePage);
  await a.getByLabel("Skriv en kommentar").fill("Ska vi fråga om vinterdrift?");
  await a.getByRole("button", { name: "Skicka kommentaren" }).click();
  await bo.page.goto(dialoguePage);
  if (js) {
    // Bo's page is open when Anna writes; it shows without a reload.
    await a.goto(dialoguePage);
    await a.getByLabel("Skriv en kommentar").fill("Och om laddtider i kyla.");
    await a.getByRole("button", { name: "Skicka kommentaren" }).click();
    await expect(bo.page.locator(".live-comments").getByText("Och om laddtider i kyla.")).toBeVisible({ timeout: 25_000 });
    await expect(bo.page.getByText("1 ny kommentar sedan sidan laddades")).toBeVisible();
    await expect(bo.page.getByRole("button", { name: "Pausa nya kommentarer" })).toHaveAttribute("aria-pressed", "false");
    await bo.page.reload();
  }
  // "Svara" opens the reply form under that comment.
  const thread = bo.page.locator(".thread").first();
  await thread.getByRole("link", { name: /^Svara/ }).first().click();
  // An empty reply is refused at its own field, not at the new comment's.
  await bo.page.getByRole("button", { name: "Skicka svaret" }).click();
  await expectRefusalAtSummary(bo.page);
  await expect(bo.page.getByLabel("Svara", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(bo.page.getByLabel("Skriv en kommentar")).not.toHaveAttribute("aria-invalid", "true");
  await bo.page.getByLabel("Svara", { exact: true }).fill("Ja, det är viktigt.");
  await expectNoAxeViolations(bo.page);
  await bo.page.getByRole("button", { name: "Skicka svaret" }).click();
  await a.goto(dialoguePage);
  const reply = a.locator(".comment--depth-1", { hasText: "Ja, det är viktigt." });
  await reply.getByRole("link", { name: /^Svara/ }).click();
  await a.getByLabel("Svara", { exact: true }).fill("Då tar vi med det.");
  await a.getByRole("button", { name: "Skicka svaret" }).click();
  await expect(a.locator(".comment--depth-2", { hasText: "Då tar vi med det." })).toBeVisible();
  await expectNoAxeViolations(a);

  // The page shows the next step: no minutes before the dialogue is held.
  await expect(a.getByText("Minnesanteckningar och sammanfattning skrivs när dialogen har hållits.")).toBeVisible();
  await a.getByLabel("Ny status").selectOption("open");
  await a.getByLabel("Motivering").fill("Mötet har börjat.");
  await a.getByRole("button", { name: "Ändra status" }).click();
  await expect(a.getByText("Pågår", { exact: true }).first()).toBeVisible();
  if (js) await expectFitsPhone(a);

  // Minutes of the session, approved in two steps.
  const saveMinutes = a.getByRole("button", { name: "Spara utkastet till minnesanteckningarna" });
  const minutes = a.locator("form", { has: saveMinutes }).first();
  await saveMinutes.first().click();
  await expectRefusalAtSummary(a);
  await expect(minutes.locator("textarea")).toHaveAttribute("aria-invalid", "true");
  await minutes.locator("textarea").fill("Fem leverantörer deltog. Räckvidden räcker vintertid.");
  await saveMinutes.first().click();
  await expect(a.getByRole("status").filter({ hasText: "Utkastet är sparat." })).toBeVisible();
  await a.locator("summary", { hasText: "Godkänn minnesanteckningarna" }).first().click();
  await a.getByRole("button", { name: "Ja, godkänn och lås minnesanteckningarna" }).first().click();
  await expect(a.getByText(/^Godkänd, godkänd av/)).toBeVisible();

  // The summary links what suppliers said to the requirement it changed.
  const summary = a.locator("form", { has: a.getByLabel("Sammanfattning", { exact: true }) });
  await summary.getByLabel("Sammanfattning", { exact: true }).fill("Marknaden klarar **300 km**.");
  await summary.getByLabel("Kravversion 1").selectOption({ label: "Elbussar: Räckvidd minst 300 km (version 1)" });
  await summary.getByLabel("Inspel som ledde till ändringen 1").fill("Tre leverantörer visade bussar med 300 km räckvidd.");
  await summary.getByRole("button", { name: "Spara utkastet till sammanfattningen" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Utkastet är sparat." })).toBeVisible();
  const link = a.getByRole("link", { name: "Elbussar: Räckvidd minst 300 km (version 1)" });
  await expect(link).toHaveAttribute("href", new RegExp(`/behov/${needs[0]}/historik#krav-.+-v1$`));
  await expect(a.locator(".record-text__body strong", { hasText: "300 km" })).toBeVisible();
  await expectNoAxeViolations(a);

  // The record, with the organisation's diarienummer.
  await a.locator("summary", { hasText: "Protokoll för diariet" }).click();
  await a.getByLabel("Ert diarienummer").fill("KS 2027/42");
  await a.getByRole("button", { name: "Visa protokollet" }).click();
  await expect(a.getByText("KS 2027/42")).toBeVisible();
  await expect(a.getByText("Fem leverantörer deltog.")).toBeVisible();
  await expect(a.getByText("Tre leverantörer visade bussar med 300 km räckvidd.")).toBeVisible();
  await expect(a.getByRole("listitem").filter({ hasText: "En upphandlare och en strateg" }).first()).toBeVisible();
  await expectNoAxeViolations(a);
});
