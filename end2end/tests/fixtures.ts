import { execFileSync } from "node:child_process";
import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type ConsoleError = { text: string; url: string };

/** Every test fails on a console error or an uncaught page error. */
export const test = base.extend<{ consoleErrors: ConsoleError[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: ConsoleError[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push({ text: msg.text(), url: msg.location().url });
      });
      page.on("pageerror", (err) => errors.push({ text: String(err), url: page.url() }));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * WCAG 2.1 A and AA, as DOS-lagen requires. axe runs as a script, so for
 * the no-JavaScript project it checks the same address, with the same
 * cookies, in a second context whose page scripts are blocked: the DOM it
 * sees is the server's HTML, exactly what a browser without JS shows.
 */
export async function expectNoAxeViolations(page: Page) {
  const jsEnabled = test.info().project.use.javaScriptEnabled !== false;
  let results;
  if (jsEnabled) {
    results = await new AxeBuilder({ page }).withTags(tags).analyze();
  } else {
    const browser = page.context().browser()!;
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.addCookies(await page.context().cookies());
    await context.route("**/*", (route) =>
      route.request().resourceType() === "script" ? route.abort() : route.continue(),
    );
    const copy = await context.newPage();
    await copy.goto(page.url());
    results = await new AxeBuilder({ page: copy }).withTags(tags).analyze();
    await context.close();
  }
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, "axe violations").toEqual([]);
}

export const usesJavaScript = (name: string) => name === "js";

/**
 * After a refused submit (WCAG 3.3.1, 2.4.3): the page opens at the error
 * summary, which has focus and is in view, the title starts with "Fel:",
 * and every error the summary links to is tied to its field. A refusal
 * of the whole form (a wrong password) names no field: `fields: false`.
 */
export async function expectRefusalAtSummary(page: Page, { fields = true } = {}) {
  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(page).toHaveTitle(/^Fel: /);
  const targets = await summary
    .locator("a[href^='#']")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.slice(1)));
  if (fields) expect(targets.length, "the summary links to each refused field").toBeGreaterThan(0);
  for (const id of targets) {
    const field = page.locator(`[id="${id}"]`);
    await expect(field, `#${id} exists`).toHaveCount(1);
    await expect(field, `#${id} names its error`).toHaveAttribute("aria-describedby", /error/);
    if ((await field.evaluate((el) => el.tagName)) !== "FIELDSET") {
      await expect(field, `#${id} is marked invalid`).toHaveAttribute("aria-invalid", "true");
    }
  }
}

/**
 * Reflow (WCAG 1.4.10): at 320 CSS pixels, a phone or 1280 px at 400 %
 * zoom, the page scrolls only up and down. Measuring needs a script, so
 * the js project calls it; the layout is the same without JavaScript.
 */
export async function expectFitsPhone(page: Page) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const { scroll, wider } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wider = [...document.querySelectorAll("main *, header *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, wider };
  });
  expect(scroll, `${page.url()} is wider than 320 px: ${wider.join(", ")}`).toBeLessThanOrEqual(320);
  if (before) await page.setViewportSize(before);
}

/** The newest link mailed to `email`, read with `samrad outbox` (no HTTP route shows mail). */
export function linkMailedTo(email: string): string {
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

export function uniqueEmail(project: string, what: string) {
  return `${what}-${project}-${Date.now()}@kommun.se`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/konto/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** A new person with a verified address, signed in. */
export async function verifiedPerson(page: Page, who: string, project: string) {
  const email = uniqueEmail(project, who);
  const password = "en lång mening om våren";
  await page.goto("/konto/skapa");
  await page.getByLabel("Namn").fill(who);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await page.goto(linkMailedTo(email));
  await page.getByRole("button", { name: "Bekräfta e-postadressen" }).click();
  await signIn(page, email, password);
  return email;
}

/** A site admin made with `samrad create-admin`; returns the address. */
export function siteAdmin(project: string): { email: string; password: string } {
  const email = `admin-${project}-${Date.now()}@samrad.se`;
  const password = "administratören har ett långt lösenord";
  execFileSync(process.env.SAMRAD_BIN!, ["create-admin", "--email", email], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      SAMRAD_ADMIN_PASSWORD: password,
      RUST_LOG: "error",
    },
  });
  return { email, password };
}

/**
 * A server function called as a same-site form post would call it, for the
 * set-up a test is not about (organisations, networks, invitations).
 * Returns the address the function sends the browser on to.
 */
export async function post(page: Page, path: string, fields: [string, string][]): Promise<string> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(path, {
    data: new URLSearchParams(fields).toString(),
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  expect(res.status(), await res.text()).toBeLessThan(400);
  return res.headers()["location"] ?? "";
}

/**
 * Moves the server's clock to `atMs` (milliseconds since the epoch, UTC),
 * or back to the system's time with `null`: a test passes a deadline this
 * way, never by sleeping (scripts/e2e-server starts it with TEST_CLOCK).
 */
export async function setClock(page: Page, atMs: number | null) {
  await post(page, "/__test/clock", atMs === null ? [["reset", "1"]] : [["at_ms", String(atMs)]]);
}

/** The public id in an address such as /natverk/<id>?startat=1. */
export const idIn = (location: string) => location.split("/")[2].split("?")[0];

/** Every mail in the outbox to `email`, newest first. */
export function mailsTo(email: string): { subject: string; body: string }[] {
  const out = execFileSync(process.env.SAMRAD_BIN!, ["outbox", "--to", email, "--limit", "20", "--json"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, RUST_LOG: "error" },
  }).toString();
  return JSON.parse(out);
}

/** A host's announced-ready dialogue of `form`: organisation (`orgNumber`), network, need and plan, set up by form posts. */
export async function plannedDialogue(
  page: Page,
  browser: import("@playwright/test").Browser,
  project: string,
  { form, orgNumber }: { form: string; orgNumber: string },
) {
  const year = new Date().getFullYear() + 1;
  const admin = siteAdmin(project);
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, admin.password);
  await verifiedPerson(page, "Hanna", project);
  const org = idIn(
    await post(page, "/api/organisations/register", [
      ["org_number", orgNumber],
      ["name", `Värdkommunen ${project}`],
      ["kind", "kommun"],
      ["lan", "01"],
      ["kommun", "0180"],
      ["website", ""],
    ]),
  );
  await post(adminPage, "/api/organisations/verify", [["organisation", org]]);
  const network = idIn(
    await post(page, "/api/networks/create", [
      ["name", `Marknadsnätverk ${project} ${Date.now()}`],
      ["purpose", "Laddinfrastruktur."],
      ["organisation", org],
      ["staircase", "introducera"],
      ["regions[]", "01"],
      ["themes[]", "34"],
      ["visibility", "hidden"],
      ["join_policy", "request"],
    ]),
  );
  const need = idIn(
    await post(page, "/api/needs/create", [
      ["network", network],
      ["organisation", org],
      ["title", "Laddstolpar"],
      ["problem", "För få."],
      ["effect", "Fler."],
      ["affected", "Alla."],
      ["staircase", "infora"],
      ["divisions[]", "34"],
      ["regions[]", "01"],
      ["horizon", `${year}-1`],
      ["status", "shared"],
    ]),
  );
  const title = `Marknadsdialog om laddstolpar ${project} ${Date.now()}`;
  const dialogue = idIn(
    await post(page, "/api/dialogues/create", [
      ["network", network],
      ["organisation", org],
      ["title", title],
      ["purpose", "Vi vill veta vad som finns."],
      ["form", form],
      ["needs[]", need],
      ["questions", "Vilken effekt?"],
      ["cpv", "34144900-7"],
      ["lan", "01"],
      ["estimated_value", ""],
      ["deadline_date", `${year}-04-30`],
      ["deadline_time", "23:59"],
      ["capacity", "10"],
      ["session_date[]", `${year}-03-12`],
      ["session_start[]", "09:00"],
      ["session_end[]", "11:00"],
      ["session_place[]", "Stadshuset"],
      ["session_link[]", "https://mote.example.se/rum"],
    ]),
  );
  return { dialogue, title };
}

export type Member = { page: Page; org: string; number: string };

/**
 * People with a verified organisation each (`[name, organisationsnummer]`),
 * the first on `page`, the others in contexts of their own; a site admin
 * verifies every organisation.
 */
export async function peopleWithOrganisations(
  page: Page,
  browser: import("@playwright/test").Browser,
  project: string,
  people: [string, string][],
): Promise<Member[]> {
  const js = project === "js";
  const admin = siteAdmin(project);
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  const members: Member[] = [];
  for (const [i, [who, number]] of people.entries()) {
    const p = i === 0 ? page : await (await browser.newContext({ javaScriptEnabled: js })).newPage();
    await verifiedPerson(p, who, project);
    const org = idIn(
      await post(p, "/api/organisations/register", [
        ["org_number", number],
        ["name", `${who}s kommun ${project}`],
        ["kind", "kommun"],
        ["lan", "01"],
        ["kommun", "0180"],
        ["website", ""],
      ]),
    );
    await post(adminPage, "/api/organisations/verify", [["organisation", org]]);
    members.push({ page: p, org, number });
  }
  await adminContext.close();
  return members;
}

/**
 * A network that the first member's organisation starts and coordinates,
 * with every other member's organisation invited and accepted; its id.
 */
export async function networkOf(
  [first, ...others]: Member[],
  { name, purpose, visibility }: { name: string; purpose: string; visibility: "listed" | "hidden" },
): Promise<string> {
  const network = idIn(
    await post(first.page, "/api/networks/create", [
      ["name", `${name} ${Date.now()}`],
      ["purpose", purpose],
      ["organisation", first.org],
      ["staircase", "introducera"],
      ["regions[]", "01"],
      ["themes[]", "34"],
      ["visibility", visibility],
      ["join_policy", "request"],
    ]),
  );
  for (const member of others) {
    await post(first.page, "/api/networks/invite", [
      ["network", network],
      ["org_number", member.number],
      ["role", "member"],
    ]);
    await post(member.page, "/api/networks/answer-invitation", [
      ["network", network],
      ["organisation", member.org],
      ["answer", "accept"],
    ]);
  }
  return network;
}
