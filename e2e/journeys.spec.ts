// Journeys in the console: an owner builds a five-node journey on the canvas (trigger → send email
// → wait 0 minutes → condition → exit, both branches wired), by dragging from the palette, pressing
// palette entries and dragging handles; saves, publishes and activates it; enrols three contacts
// (created through the API with email consent) and watches the numbers on the steps reach them as
// the worker moves the contacts through. A branching journey saved through the API opens laid out
// with its branches in handle order, shows who waits where, and its published version reads only.
// Names carry a per-run suffix, so the spec passes on any earlier data.
import { expect, test } from "@playwright/test";
import { graphqlAsUser, welcomeSeries } from "./pom/journeys-api.ts";
import { JourneysPage } from "./pom/journeys-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

const account = demoAccounts.blueBottle.slug;

test("an owner builds a five-step journey, publishes and activates it, enrols contacts and watches them move through", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const journeys = new JourneysPage(page);
  const suffix = uniqueSuffix();
  const name = `Welcome ${suffix}`;
  const vip = `vip-${suffix}`;
  const people = ["Ada", "Bruno", "Chiara"].map((first) => ({
    first,
    email: `${suffix}.${first.toLowerCase()}@journeys.test`,
  }));

  await test.step("three contacts exist, with email marketing consent; two are tagged VIP", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    const result = await graphqlAsUser<{
      upsertContacts: { created: number; userErrors: { message: string }[] };
    }>(
      page,
      account,
      `mutation Seed($input: UpsertContactsInput!) {
        upsertContacts(input: $input) { created userErrors { message } }
      }`,
      {
        input: {
          contacts: people.map((person, index) => ({
            email: person.email,
            firstName: person.first,
            lastName: "Journeys",
            emailConsent: "GRANTED",
            tags: index < 2 ? [vip] : [],
          })),
        },
      },
    );
    expect(result.upsertContacts.userErrors).toEqual([]);
    expect(result.upsertContacts.created).toBe(3);
  });

  const trigger = journeys.step("Start");
  const email = journeys.step("Send email");
  const wait = journeys.step("Wait");
  const condition = journeys.step("Condition");
  const exit = journeys.step("Exit");

  await test.step("the owner starts a journey: its draft holds a manual trigger", async () => {
    await journeys.open(account);
    await journeys.create(name);
    await expect(journeys.status).toHaveText("Draft");
  });

  await test.step("a send-email step dragged from the palette lands on the canvas and opens its editor", async () => {
    const box = await journeys.canvas.boundingBox();
    if (!box) throw new Error("The canvas is not on screen.");
    await journeys.dragFromPalette("Send email", box.width / 2, box.height / 2 + 200);
    await expect(email).toBeVisible();
    await journeys.drawer.getByLabel("Subject").fill("Welcome, {{first_name}}!");
    await journeys.drawer.getByLabel("Text", { exact: true }).fill("Fresh bread every morning.");
    await expect(email).toContainText("“Welcome, {{first_name}}!”");
  });

  await test.step("dragging the trigger's handle onto the email connects them", async () => {
    await journeys.connect(journeys.handle(trigger, "next"), journeys.handle(email, "in"));
    await expect(journeys.edgeCount()).toHaveCount(1);
  });

  await test.step("pressing palette entries adds a wait, a condition and an exit, each after the selected step", async () => {
    await journeys.addAfterSelected("Wait");
    await expect(wait).toBeVisible();
    await journeys.drawer.getByLabel("Amount").fill("0");
    await journeys.drawer.getByLabel("Unit").selectOption("minutes");
    await expect(wait).toContainText("Wait 0 minutes");

    await journeys.addAfterSelected("Condition");
    await expect(condition).toBeVisible();
    await journeys.drawer.getByRole("textbox", { name: "Tag", exact: true }).fill(vip);
    await expect(condition).toContainText(`Has tag ${vip}`);

    // The condition's first free way out is "Yes".
    await journeys.addAfterSelected("Exit");
    await expect(exit).toBeVisible();
    await expect(journeys.edgeCount()).toHaveCount(4);
  });

  await test.step("the condition's No handle dragged onto the exit wires its second branch", async () => {
    await journeys.action("Auto-layout").click();
    await journeys.connect(journeys.handle(condition, "no"), journeys.handle(exit, "in"));
    await expect(journeys.edgeCount()).toHaveCount(5);
    await journeys.select(condition);
    await expect(journeys.drawer.getByLabel("If Yes, go to")).toHaveValue("exit-1");
    await expect(journeys.drawer.getByLabel("If No, go to")).toHaveValue("exit-1");
  });

  await test.step("Ctrl+S saves the draft without problems; it publishes as version 1 and activates", async () => {
    await page.keyboard.press("Escape");
    await page.keyboard.press("ControlOrMeta+s");
    await expect(journeys.notice).toHaveText("Draft saved. It is ready to publish.");
    await expect(page.getByRole("region", { name: "Problems" })).toHaveCount(0);
    await journeys.action("Publish").click();
    await expect(journeys.notice).toContainText("Published version 1.");
    await expect(page.getByTestId("journey-published-version")).toHaveText("Version 1 published");
    await journeys.action("Activate").click();
    await expect(journeys.status).toHaveText("Active");
    await expect(page.getByTestId("journey-published-version")).toHaveText("Version 1 live");
  });

  await test.step("the owner enrols the three contacts", async () => {
    await journeys.enrol(
      suffix,
      people.map((person) => person.email),
    );
  });

  await test.step("the numbers on the steps move until every contact has been through all five", async () => {
    for (const step of [trigger, email, wait, condition, exit]) {
      await expect(journeys.stat(step, "entered")).toHaveText("3", { timeout: 45_000 });
      await expect(journeys.stat(step, "errored")).toHaveText("0");
    }
    await expect(journeys.stat(exit, "completed")).toHaveText("3", { timeout: 45_000 });
    await expect(journeys.stat(wait, "waiting")).toHaveText("0");
    await expect(page.getByTestId("total-entered")).toHaveText("3");
    await expect(page.getByTestId("total-completed")).toHaveText("3");
    await expect(page.getByTestId("total-in-journey")).toHaveText("0");
  });

  await test.step("nobody is left at the exit; the list shows the journey active with its three entries", async () => {
    await exit.getByRole("button", { name: /^Contacts at Exit/ }).click();
    const dialog = page.getByRole("dialog", { name: "Contacts at Exit (exit-1)" });
    await expect(dialog.getByText("Nobody is at this step right now")).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();

    await page.getByRole("link", { name: "← All journeys" }).click();
    await journeys.filters.getByRole("searchbox", { name: "Search" }).fill(suffix);
    await expect(journeys.row(name)).toContainText("Active");
    await expect(journeys.row(name)).toContainText("Version 1");
    await expect(journeys.row(name).getByRole("cell").nth(3)).toHaveText("3");
  });
});

test("a branching journey saved through the API opens laid out, shows who waits where, and its published version is read only", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const journeys = new JourneysPage(page);
  const suffix = uniqueSuffix();
  const name = `Welcome series ${suffix}`;
  const firstNames = ["Giulia", "Marco", "Sofia", "Luca", "Elena", "Paolo", "Chiara", "Davide"];

  await test.step("an integrator saves, publishes and activates it, and enrols eight contacts", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    type Payload = { userErrors: { message: string }[] };
    const { createJourney } = await graphqlAsUser<{
      createJourney: Payload & { journey: { id: string; version: number } };
    }>(
      page,
      account,
      `mutation Create($input: CreateJourneyInput!) {
        createJourney(input: $input) { journey { id version } userErrors { message } }
      }`,
      { input: { name, description: "New sign-ups meet the bakery." } },
    );
    const id = createJourney.journey.id;
    const { updateJourney } = await graphqlAsUser<{
      updateJourney: Payload & { journey: { version: number }; problems: unknown[] };
    }>(
      page,
      account,
      `mutation Save($input: UpdateJourneyInput!) {
        updateJourney(input: $input) { journey { version } problems { message } userErrors { message } }
      }`,
      { input: { id, version: createJourney.journey.version, draft: welcomeSeries() } },
    );
    expect(updateJourney.problems).toEqual([]);
    let version = updateJourney.journey.version;
    for (const mutation of ["publishJourney", "activateJourney"] as const) {
      const input = mutation === "publishJourney" ? "PublishJourneyInput" : "ActivateJourneyInput";
      const result = await graphqlAsUser<Record<string, Payload & { journey: { version: number } }>>(
        page,
        account,
        `mutation Move($input: ${input}!) { ${mutation}(input: $input) { journey { version } userErrors { message } } }`,
        { input: { id, version } },
      );
      expect(result[mutation]?.userErrors).toEqual([]);
      version = result[mutation]!.journey.version;
    }
    const { upsertContacts } = await graphqlAsUser<{
      upsertContacts: Payload & { contacts: { id: string }[] };
    }>(
      page,
      account,
      `mutation Seed($input: UpsertContactsInput!) {
        upsertContacts(input: $input) { contacts { id } userErrors { message } }
      }`,
      {
        input: {
          contacts: firstNames.map((first) => ({
            email: `${suffix}.${first.toLowerCase()}@bakery.test`,
            firstName: first,
            lastName: "Rossi",
            emailConsent: "GRANTED",
          })),
        },
      },
    );
    const { enrolContacts } = await graphqlAsUser<{ enrolContacts: Payload & { enrolled: number } }>(
      page,
      account,
      `mutation Enrol($input: EnrolContactsInput!) {
        enrolContacts(input: $input) { enrolled userErrors { message } }
      }`,
      { input: { journeyId: id, contactIds: upsertContacts.contacts.map((contact) => contact.id) } },
    );
    expect(enrolContacts.enrolled).toBe(firstNames.length);
  });

  const opened = journeys.step("Opened the welcome email?");
  const wait = journeys.step("Wait");

  await test.step("the builder lays it out top to bottom, Yes left of No and split branches in order", async () => {
    await journeys.open(account);
    await journeys.row(name).getByRole("link", { name }).click();
    await expect(journeys.status).toHaveText("Active");
    const x = async (step: string) => (await journeys.step(step).boundingBox())?.x ?? Number.NaN;
    const y = async (step: string) => (await journeys.step(step).boundingBox())?.y ?? Number.NaN;
    await expect(opened).toBeVisible();
    expect(await y("New sign-up")).toBeLessThan(await y("Welcome email"));
    expect(await y("Welcome email")).toBeLessThan(await y("Opened the welcome email?"));
    expect(await x("Offer test")).toBeLessThan(await x("Next weekday morning"));
    expect(await x("10% off croissants")).toBeLessThan(await x("Free coffee with a loaf"));
    await expect(page.getByRole("region", { name: "Problems" })).toHaveCount(0);
  });

  await test.step("the numbers show all eight held by the two-day wait; its count lists them", async () => {
    await expect(journeys.stat(journeys.step("Welcome email"), "completed")).toHaveText("8", {
      timeout: 45_000,
    });
    await expect(journeys.stat(wait, "waiting")).toHaveText("8", { timeout: 45_000 });
    await expect(journeys.stat(opened, "entered")).toHaveText("0");
    await expect(page.getByTestId("total-in-journey")).toHaveText("8");

    await wait.getByRole("button", { name: /^Contacts at Wait/ }).click();
    const dialog = page.getByRole("dialog", { name: "Contacts at Wait (wait-2d)" });
    const rows = dialog.getByRole("table", { name: "Contacts at this step" }).getByRole("row");
    await expect(rows).toHaveCount(firstNames.length + 1);
    await expect(rows.filter({ hasText: `${suffix}.giulia@bakery.test` })).toContainText("Waiting");
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  if (process.env.E2E_SCREENSHOT_DIR) {
    await journeys.select(journeys.step("Offer test"));
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/journey-builder.png` });
    await page.keyboard.press("Escape");
  }

  await test.step("its published version opens read only, with the same numbers", async () => {
    await page.getByLabel("Showing").selectOption("1");
    await expect(journeys.palette).toHaveCount(0);
    await expect(journeys.action("Auto-layout")).toHaveCount(0);
    await expect(journeys.stat(wait, "waiting")).toHaveText("8");
    await journeys.select(opened);
    await expect(journeys.drawer.getByLabel("Name on the canvas")).toBeDisabled();
    await expect(journeys.drawer.getByRole("button", { name: "Delete this step" })).toHaveCount(0);
  });
});
