// Templates in the console: a member writes an email template whose body uses a variable it does
// not declare; the save is refused (UNKNOWN_VARIABLE) naming it; declaring the variables used lets
// it save. The preview reports the variable it cannot fill, then shows a sample value carrying
// <script> as text, in the text version and in the sandboxed HTML version, and nothing runs. A save
// from a stale copy is a conflict; archiving and deleting follow. A viewer reads templates without
// any control to change them. Names carry a per-run suffix, so the spec passes on any earlier data.
import { expect, test } from "@playwright/test";
import { TemplatesPage } from "./pom/templates-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

const SCRIPT = "<script>alert(1)</script>";

test("a member writes an email template: an undeclared variable is refused, declared, saved, and previewed safely", async ({
  page,
}) => {
  const templates = new TemplatesPage(page);
  const name = `Welcome email ${uniqueSuffix()}`;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await test.step("saving a body with an undeclared {{first_name}} is refused, naming it", async () => {
    await signInAs(page, demoUsers.agencyMember.email);
    await templates.open(demoAccounts.agency.slug);
    const form = await templates.startNew();
    await templates.fill(form, {
      name,
      kind: "Email",
      description: "Sent when someone signs up.",
      subject: "Welcome to Northwind",
      body: "Hi {{first_name}},\n\nWelcome aboard.",
    });
    await expect(form.getByTestId("undeclared-variables")).toHaveText(
      "Used but not declared: {{first_name}}",
    );
    await form.getByRole("button", { name: "Create template" }).click();
    await expect(
      form.getByText("The body uses {{first_name}}, which the template does not declare"),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
  });

  await test.step("declaring the variables used lets it save", async () => {
    const form = templates.form("New template");
    await form.getByRole("button", { name: "Declare the variables used" }).click();
    await expect(templates.variable(form, 1).name).toHaveValue("first_name");
    await expect(form.getByTestId("undeclared-variables")).toHaveCount(0);
    await form.getByRole("button", { name: "Create template" }).click();
    await templates.expectTemplate(name);
    await expect(page.getByText("Version 1")).toBeVisible();
  });

  await test.step("the preview names the variable it cannot fill, then shows a <script> value as text", async () => {
    await expect(templates.previewSubject).toHaveText("Welcome to Northwind");
    await expect(templates.unknownVariables).toContainText("Cannot fill: {{first_name}}");
    await templates.sample("first_name").fill(`${SCRIPT} Ada`);
    await expect(templates.previewText).toContainText(`Hi ${SCRIPT} Ada,`);
    await expect(templates.unknownVariables).toHaveCount(0);
    await expect(templates.htmlPreview.locator("body")).toContainText(`Hi ${SCRIPT} Ada,`);
    await expect(templates.htmlPreview.locator("body script")).toHaveCount(0);
    await expect(templates.previewText.locator("script")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  await test.step("a default fills the variable; a save from a stale copy is a conflict until reloaded", async () => {
    const other = await page.context().newPage();
    const stale = new TemplatesPage(other);
    await other.goto(page.url());
    await stale.expectTemplate(name);

    const form = templates.form("Edit template");
    await templates.variable(form, 1).defaultValue.fill("there");
    await templates.save();
    await expect(form.getByRole("status")).toHaveText("Saved as version 2.");
    await templates.sample("first_name").fill("");
    await expect(templates.previewText).toContainText("Hi there,");

    await stale.fill(stale.form("Edit template"), { description: "A stale change." });
    await stale.save();
    const alert = stale.form("Edit template").getByRole("alert");
    await expect(alert).toContainText("changed by someone else");
    await alert.getByRole("button", { name: "Reload" }).click();
    await expect(stale.variable(stale.form("Edit template"), 1).defaultValue).toHaveValue("there");
    await other.close();
  });

  await test.step("archived, it is read-only and listed among the archived; then it is deleted", async () => {
    await templates.action("Archive").click();
    await expect(page.getByTestId("template-archived")).toHaveText("Archived");
    await expect(templates.form("Edit template").getByLabel("Name", { exact: true })).toBeDisabled();
    await page.getByRole("link", { name: "← All templates" }).click();
    await templates.filters.getByLabel("Search").fill(name);
    await expect(templates.list.getByRole("row")).toHaveCount(0);
    await templates.filters.getByLabel("Show archived").check();
    await templates.showKind("Email");
    await expect(templates.row(name)).toContainText("Email");
    await templates.row(name).getByRole("link", { name }).click();
    await templates.expectTemplate(name);
    await page.getByRole("button", { name: `Delete ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this template?" });
    await confirm.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
    await templates.filters.getByLabel("Search").fill(name);
    await expect(page.getByText("No template matches this search")).toBeVisible();
  });
});

test("a viewer reads templates but gets no control to write or change them", async ({ page }) => {
  const templates = new TemplatesPage(page);
  await signInAs(page, demoUsers.agencyViewer.email);
  await templates.open(demoAccounts.acmeOutdoor.slug);
  await expect(page.getByText("You can read templates")).toBeVisible();
  await expect(page.getByRole("link", { name: "New template" })).toHaveCount(0);
  await page.goto(`/${demoAccounts.acmeOutdoor.slug}/content/templates/new`);
  await expect(page.getByText("Only owners, admins and members write templates.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create template" })).toHaveCount(0);
});
