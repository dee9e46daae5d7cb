// Contacts in the console: an owner adds a contact with tags and an attribute, finds it in the list
// with the filters, imports a CSV whose one bad row is reported with its row number and reason
// while the others are imported, then grants consent and reads it back on the contact's timeline.
// Names carry a per-run suffix, so the spec passes on any earlier data.
import { expect, test } from "@playwright/test";
import { ContactsPage } from "./pom/contacts-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

test("an owner adds a contact, finds it, imports a CSV with one bad row, and reads the contact's timeline", async ({
  page,
}) => {
  const contacts = new ContactsPage(page);
  const suffix = uniqueSuffix();
  const tag = `e2e-${suffix}`;
  const grace = `Grace Hopper${suffix}`;
  const graceEmail = `grace.${suffix}@example.com`;

  await test.step("the owner creates a contact with tags, an attribute and a time zone", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await contacts.open(demoAccounts.blueBottle.slug);
    await contacts.create(
      {
        firstName: "Grace",
        lastName: `Hopper${suffix}`,
        email: graceEmail,
        timeZone: "Europe/Rome",
        tags: [tag, "newsletter"],
        attributes: [{ key: "plan", value: "pro" }],
      },
      grace,
    );
    await expect(page.getByTestId("contact-status")).toHaveText("Active");
    const form = contacts.form("Edit contact");
    await expect(form.getByLabel("Email")).toHaveValue(graceEmail);
    await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Rome");
    await expect(form.getByLabel("Value of plan")).toHaveValue("pro");
    // Consent is opt-in: a new contact has none until it is granted.
    await expect(contacts.consentRow("Email marketing")).toContainText("Pending");

    // Edited in place: only the changed field is sent, with the version shown.
    await form.getByLabel("Phone").fill("+39 06 1234 5678");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
    await expect(page.getByText("version 2")).toBeVisible();
  });

  await test.step("the list shows it; search and status filters find it or leave it out", async () => {
    await contacts.backToList();
    // The search matches the start of an email address or a name.
    await contacts.search(`grace.${suffix}`);
    await expect(contacts.list.getByRole("row")).toHaveCount(2); // header + the contact
    await expect(contacts.row(grace)).toContainText(graceEmail);
    await expect(contacts.row(grace)).toContainText(tag);
    await contacts.filters.getByLabel("Status").selectOption({ label: "Bounced" });
    await expect(page.getByText("No contacts match these filters", { exact: true })).toBeVisible();
    await contacts.filters.getByLabel("Status").selectOption({ label: "Active" });
    await expect(contacts.row(grace)).toBeVisible();
  });

  await test.step("a CSV import creates the valid rows and reports the bad one with its row and reason", async () => {
    await contacts.importCsv(
      [
        "email,first_name,last_name",
        `ada.${suffix}@example.com,Ada,Lovelace${suffix}`,
        `not-an-email-${suffix},Bad,Row${suffix}`,
        `alan.${suffix}@example.com,Alan,Turing${suffix}`,
      ].join("\n"),
      { tags: [tag] },
    );
    await expect(contacts.importTotal("Imported")).toHaveText("2");
    await expect(contacts.importTotal("Updated")).toHaveText("0");
    await expect(contacts.importTotal("Invalid")).toHaveText("1");
    const badRow = contacts.invalidRows.getByRole("row").nth(1);
    // The header is line 1 of the file: the bad contact is on line 3.
    await expect(badRow.getByRole("cell").first()).toHaveText("3");
    await expect(badRow).toContainText(/e-?mail/i);

    await page.getByRole("link", { name: "See the contacts" }).click();
    await contacts.filters.getByLabel("Tags").fill(tag);
    await expect(contacts.list.getByRole("row")).toHaveCount(4); // header + Grace, Ada, Alan
    await expect(contacts.row(`Ada Lovelace${suffix}`)).toBeVisible();
    await expect(contacts.row(`Alan Turing${suffix}`)).toBeVisible();
  });

  await test.step("granting consent is recorded and shows on the contact's timeline", async () => {
    await contacts.row(grace).getByRole("link", { name: grace }).click();
    await contacts.expectDetail(grace);
    await contacts.consentButton("Grant", "Email marketing").click();
    await expect(contacts.consentRow("Email marketing")).toContainText("Granted");
    await expect(contacts.consentRow("Email marketing")).toContainText("via console");
    await expect(
      contacts.timeline.getByRole("listitem").filter({ hasText: "Consent" }).first(),
    ).toBeVisible();

    await contacts.consentButton("Revoke", "Email marketing").click();
    await expect(contacts.consentRow("Email marketing")).toContainText("Denied");
    await page.reload();
    await expect(contacts.timeline.getByRole("listitem").filter({ hasText: "Consent" })).toHaveCount(2);
  });
});
