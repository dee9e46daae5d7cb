// /[account]/connectors: the list with its enabled switches and row actions, the create/edit
// dialog per kind, and the webhook signing secret shown once.
import { expect, type Locator, type Page } from "@playwright/test";

export type SmtpValues = { from: string; recipients: string[]; replyTo?: string };
export type WebhookValues = { url: string; headers?: { name: string; value: string }[] };

export class ConnectorsPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly secretNotice: Locator;
  readonly problem: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Connectors" });
    this.secretNotice = page.getByRole("region", { name: "Webhook signing secret" });
    this.problem = page.getByRole("region", { name: "Connectors", exact: true }).getByRole("alert");
  }

  /** Opens the page from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Connectors" })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Connectors" })).toBeVisible();
  }

  get newConnectorButton(): Locator {
    return this.page.getByRole("button", { name: "New connector" });
  }

  form(kind: "New connector" | "Edit connector"): Locator {
    return this.page.getByRole("form", { name: kind });
  }

  /** Opens "New connector", picks the kind and fills the form (without submitting it). */
  async startCreate(kind: "Email (SMTP)" | "Webhook" | "Log", name: string): Promise<Locator> {
    await this.newConnectorButton.click();
    const form = this.form("New connector");
    await form.getByRole("radio", { name: kind }).check();
    await form.getByLabel("Name", { exact: true }).fill(name);
    return form;
  }

  async fillSmtp(form: Locator, values: SmtpValues): Promise<void> {
    await form.getByLabel("From", { exact: true }).fill(values.from);
    await form.getByLabel("Recipients").fill(values.recipients.join("\n"));
    if (values.replyTo !== undefined) await form.getByLabel("Reply-to (optional)").fill(values.replyTo);
  }

  async fillWebhook(form: Locator, values: WebhookValues): Promise<void> {
    await form.getByLabel("URL").fill(values.url);
    for (const [i, header] of (values.headers ?? []).entries()) {
      await form.getByRole("button", { name: "Add header" }).click();
      await form.getByLabel(`Header ${i + 1} name`).fill(header.name);
      await form.getByLabel(`Header ${i + 1} value`).fill(header.value);
    }
  }

  /** Submits the open form; the dialog closes when the API accepted it. */
  async submit(form: Locator, label = "Create connector"): Promise<void> {
    await form.getByRole("button", { name: label }).click();
  }

  /** Creates a webhook and returns the signing secret revealed once. */
  async createWebhook(name: string, values: WebhookValues): Promise<string> {
    const form = await this.startCreate("Webhook", name);
    await this.fillWebhook(form, values);
    await this.submit(form);
    await expect(form).toBeHidden();
    await expect(this.secretNotice).toContainText("won't be shown again");
    return this.secretNotice.getByLabel("Signing secret").inputValue();
  }

  async dismissSecret(): Promise<void> {
    await this.secretNotice.getByRole("button", { name: "I've stored it" }).click();
    await expect(this.secretNotice).toBeHidden();
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  enabledSwitch(name: string): Locator {
    return this.row(name).getByRole("switch", { name: `${name} enabled` });
  }

  /** Flips the row's switch and waits for the saved state. */
  async setEnabled(name: string, enabled: boolean): Promise<void> {
    const toggle = this.enabledSwitch(name);
    await expect(toggle).toHaveAttribute("aria-checked", String(!enabled));
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", String(enabled));
    await expect(toggle).toBeEnabled();
  }

  async edit(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole("button", { name: `Edit ${name}` })
      .click();
    return this.form("Edit connector");
  }

  async rotateSecret(name: string): Promise<string> {
    await this.row(name)
      .getByRole("button", { name: `Rotate the signing secret of ${name}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Rotate the signing secret of “${name}”?` });
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.secretNotice).toContainText(`New signing secret for “${name}”`);
    return this.secretNotice.getByLabel("Signing secret").inputValue();
  }

  /** Asks to delete the connector and confirms; the outcome (gone, or a problem) is the caller's. */
  async delete(name: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Delete ${name}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Delete “${name}”?` });
    await dialog.getByRole("button", { name: "Delete connector" }).click();
    await expect(dialog).toBeHidden();
  }
}
