// Connectors in the console: an owner creates a signed webhook and sees its secret once, edits it
// keeping a hidden header value, rotates the secret, disables and re-enables it, is told to disable
// the demo log instead of deleting it (posts use it), and fixes a bad SMTP recipient the form
// points at; a viewer sees which connectors exist but not where they send. Names carry a per-run
// suffix and sort after "Demo log", so other specs' default connector stays the demo one.
import { expect, test } from "@playwright/test";
import { ConnectorsPage } from "./pom/connectors-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

const DEMO_LOG = "Demo log (publishes to the server log)";

test("an owner sets up a webhook (secret shown once), edits, rotates, disables it, and creates an SMTP connector after fixing a recipient", async ({
  page,
}) => {
  const connectors = new ConnectorsPage(page);
  const suffix = uniqueSuffix();
  const webhook = `Orders webhook ${suffix}`;
  const email = `Newsletter email ${suffix}`;
  let secret = "";

  await test.step("the owner creates a webhook with a custom header; its signing secret is shown once", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await connectors.open(demoAccounts.blueBottle.slug);
    secret = await connectors.createWebhook(webhook, {
      url: "https://hooks.example.test/markettina",
      headers: [{ name: "X-Api-Key", value: `key-${suffix}` }],
    });
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await expect(connectors.secretNotice).toContainText("X-Markettina-Signature");
    await expect(connectors.secretNotice).toContainText("Idempotency-Key");
    await expect(connectors.row(webhook)).toContainText("Webhook");
    await expect(connectors.row(webhook)).toContainText("hooks.example.test");
    await expect(connectors.enabledSwitch(webhook)).toHaveAttribute("aria-checked", "true");
  });

  await test.step("once dismissed, the secret is gone for good, even after a reload", async () => {
    await connectors.dismissSecret();
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.reload();
    await expect(connectors.row(webhook)).toBeVisible();
    await expect(connectors.secretNotice).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(secret);
  });

  await test.step("editing shows the header value hidden; left as it is, it is kept while the URL changes", async () => {
    const form = await connectors.edit(webhook);
    await expect(form.getByLabel("Header 1 name")).toHaveValue("X-Api-Key");
    await expect(form.getByLabel("Header 1 value")).toHaveValue("••••••");
    await form.getByLabel("URL").fill("https://receiver.example.test/in");
    await connectors.submit(form, "Save changes");
    await expect(form).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Connector “${webhook}” saved.` })).toBeVisible();
    await expect(connectors.row(webhook)).toContainText("receiver.example.test");
    const again = await connectors.edit(webhook);
    await expect(again.getByLabel("Header 1 value")).toHaveValue("••••••");
    await again.getByRole("button", { name: "Cancel" }).click();
  });

  await test.step("rotating the secret shows a new one, once", async () => {
    const rotated = await connectors.rotateSecret(webhook);
    expect(rotated).not.toBe(secret);
    await connectors.dismissSecret();
  });

  await test.step("the owner disables the webhook and enables it again", async () => {
    await connectors.setEnabled(webhook, false);
    await page.reload();
    await expect(connectors.enabledSwitch(webhook)).toHaveAttribute("aria-checked", "false");
    await connectors.setEnabled(webhook, true);
    await page.reload();
    await expect(connectors.enabledSwitch(webhook)).toHaveAttribute("aria-checked", "true");
  });

  await test.step("deleting the demo log is refused while posts use it, with disabling offered instead", async () => {
    await connectors.delete(DEMO_LOG);
    await expect(connectors.problem).toContainText("disable the connector");
    await expect(connectors.problem).toContainText("Disabling it stops it publishing");
    await expect(connectors.problem.getByRole("button", { name: `Disable “${DEMO_LOG}”` })).toBeVisible();
    await expect(connectors.row(DEMO_LOG)).toBeVisible();
    await connectors.problem.getByRole("button", { name: "Dismiss" }).click();
    await expect(connectors.problem).toHaveCount(0);
  });

  await test.step("an SMTP connector with a bad recipient is pointed at; fixed, it is created", async () => {
    const form = await connectors.startCreate("Email (SMTP)", email);
    await connectors.fillSmtp(form, {
      from: "Blue Bottle Bakery <news@bluebottle.test>",
      recipients: ["ada@example.test", "not an address"],
    });
    await connectors.submit(form);
    const recipients = form.getByLabel("Recipients");
    await expect(recipients).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Line 2: “not an address” is not an address.")).toBeVisible();
    await recipients.fill("ada@example.test\nGrace Hopper <grace@example.test>");
    await connectors.submit(form);
    await expect(form).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Connector “${email}” created.` })).toBeVisible();
    await expect(connectors.row(email)).toContainText("news@bluebottle.test");
    await expect(connectors.row(email)).toContainText("2 recipients");
    // No secret for anything but a webhook.
    await expect(connectors.secretNotice).toHaveCount(0);
  });

  await test.step("a connector no post uses can be deleted", async () => {
    await connectors.delete(email);
    await expect(connectors.row(email)).toHaveCount(0);
    await expect(connectors.problem).toHaveCount(0);
  });
});

test("a viewer sees which connectors exist, but neither where they send nor any control to change them", async ({
  page,
}) => {
  const connectors = new ConnectorsPage(page);
  await signInAs(page, demoUsers.agencyViewer.email);
  await connectors.open(demoAccounts.acmeOutdoor.slug);
  await expect(connectors.row(DEMO_LOG)).toContainText("Log");
  await expect(connectors.row(DEMO_LOG)).toContainText("Enabled");
  await expect(page.getByText("Owners and admins add, change and remove connectors")).toBeVisible();
  await expect(connectors.newConnectorButton).toHaveCount(0);
  await expect(connectors.list.getByRole("switch")).toHaveCount(0);
  await expect(connectors.list.getByRole("button")).toHaveCount(0);
});
