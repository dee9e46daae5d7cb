// /[account]/contacts: the list (filters, bulk actions), the new-contact form, the contact page
// (details, consent, segments, timeline) and the CSV import with its report.
import { expect, type Locator, type Page } from "@playwright/test";

export type ContactFormValues = {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  timeZone?: string;
  tags?: string[];
  attributes?: { key: string; type?: "Text" | "Number" | "Yes/no"; value: string }[];
};

export class ContactsPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly filters: Locator;
  readonly timeline: Locator;
  readonly consent: Locator;
  readonly importReport: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Contacts", exact: true });
    this.filters = page.getByRole("search", { name: "Filter contacts" });
    this.timeline = page.getByRole("list", { name: "Timeline" });
    this.consent = page.getByRole("table", { name: "Consent", exact: true });
    this.importReport = page.getByRole("region", { name: "Import report" });
  }

  /** Opens the list from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Contacts", exact: true })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  }

  form(kind: "New contact" | "Edit contact"): Locator {
    return this.page.getByRole("form", { name: kind });
  }

  async fill(form: Locator, values: ContactFormValues): Promise<void> {
    if (values.firstName !== undefined) await form.getByLabel("First name").fill(values.firstName);
    if (values.lastName !== undefined) await form.getByLabel("Last name").fill(values.lastName);
    if (values.email !== undefined) await form.getByLabel("Email").fill(values.email);
    if (values.phone !== undefined) await form.getByLabel("Phone").fill(values.phone);
    if (values.timeZone) await form.getByLabel("Time zone").selectOption(values.timeZone);
    if (values.tags) await form.getByLabel("Tags").fill(values.tags.join(", "));
    for (const [index, attribute] of (values.attributes ?? []).entries()) {
      await form.getByRole("button", { name: "Add attribute" }).click();
      await form.getByLabel(`Key of attribute ${index + 1}`).fill(attribute.key);
      if (attribute.type)
        await form.getByLabel(`Type of ${attribute.key}`).selectOption({ label: attribute.type });
      await form.getByLabel(`Value of ${attribute.key}`).fill(attribute.value);
    }
  }

  /** Creates a contact through the form and waits for its page. */
  async create(values: ContactFormValues, displayName: string): Promise<void> {
    await this.page.getByRole("link", { name: "New contact" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New contact" })).toBeVisible();
    const form = this.form("New contact");
    await this.fill(form, values);
    await form.getByRole("button", { name: "Create contact" }).click();
    await this.expectDetail(displayName);
  }

  async expectDetail(displayName: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name: displayName, exact: true })).toBeVisible();
  }

  row(displayName: string): Locator {
    return this.list
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: displayName, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.filters.getByRole("searchbox", { name: "Search" }).fill(text);
  }

  async backToList(): Promise<void> {
    await this.page.getByRole("link", { name: "← All contacts" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  }

  /** Opens the import page from the list's header and imports pasted CSV. */
  async importCsv(csv: string, options: { tags?: string[] } = {}): Promise<void> {
    await this.page.getByRole("link", { name: "Import CSV" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Import contacts" })).toBeVisible();
    const form = this.page.getByRole("form", { name: "Import contacts" });
    await form.getByLabel("Or paste CSV").fill(csv);
    if (options.tags) await form.getByLabel("Tag every imported contact").fill(options.tags.join(", "));
    await form.getByRole("button", { name: "Import contacts" }).click();
    await expect(this.importReport).toBeVisible();
  }

  /** One total of the import report ("Imported", "Updated", "Invalid"). */
  importTotal(label: "Imported" | "Updated" | "Invalid"): Locator {
    return this.importReport.getByTestId(`import-${label.toLowerCase()}`);
  }

  get invalidRows(): Locator {
    return this.page.getByRole("table", { name: "Invalid rows" });
  }

  consentButton(action: "Grant" | "Revoke", name: string): Locator {
    return this.consent.getByRole("button", { name: `${action} ${name} consent` });
  }

  consentRow(name: string): Locator {
    return this.consent.getByRole("row").filter({ hasText: name });
  }
}
