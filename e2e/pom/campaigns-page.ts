// /[account]/campaigns: the list with its filters and trash, the create/edit form, the detail page
// with its status actions.
import { expect, type Locator, type Page } from "@playwright/test";

export type CampaignFormValues = {
  name?: string;
  type?: "Broadcast" | "Journey" | "Recurring" | "Social";
  description?: string;
  objectives?: string[];
  budgetTokens?: string;
  budgetMoney?: string;
  budgetCurrency?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  tags?: string[];
};

export class CampaignsPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly trash: Locator;
  readonly filters: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Campaigns", exact: true });
    this.trash = page.getByRole("table", { name: "Deleted campaigns", exact: true });
    this.filters = page.getByRole("search", { name: "Filter campaigns" });
    this.status = page.getByTestId("campaign-status");
  }

  /** Opens the list from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Campaigns" })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  }

  get newCampaignLink(): Locator {
    return this.page.getByRole("link", { name: "New campaign" });
  }

  form(kind: "New campaign" | "Edit campaign"): Locator {
    return this.page.getByRole("form", { name: kind });
  }

  async fill(form: Locator, values: CampaignFormValues): Promise<void> {
    if (values.name !== undefined) await form.getByLabel("Name").fill(values.name);
    if (values.type) await form.getByLabel("Type").selectOption({ label: values.type });
    if (values.description !== undefined) await form.getByLabel("Description").fill(values.description);
    if (values.objectives) await form.getByLabel("Objectives").fill(values.objectives.join("\n"));
    if (values.budgetTokens !== undefined) await form.getByLabel("Tokens").fill(values.budgetTokens);
    if (values.budgetMoney !== undefined) await form.getByLabel("Money").fill(values.budgetMoney);
    if (values.budgetCurrency) await form.getByLabel("Currency").selectOption(values.budgetCurrency);
    if (values.timeZone) await form.getByLabel("Time zone").selectOption(values.timeZone);
    if (values.startsAt) await form.getByLabel("Starts").fill(values.startsAt);
    if (values.endsAt) await form.getByLabel("Ends").fill(values.endsAt);
    if (values.tags) await form.getByLabel("Tags").fill(values.tags.join(", "));
  }

  /** Creates a campaign through the form and waits for its page. */
  async create(values: CampaignFormValues & { name: string }): Promise<void> {
    await this.newCampaignLink.click();
    const form = this.form("New campaign");
    await this.fill(form, values);
    await form.getByRole("button", { name: "Create campaign" }).click();
    await this.expectDetail(values.name);
  }

  async expectDetail(name: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  trashRow(name: string): Locator {
    return this.trash.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.filters.getByRole("searchbox", { name: "Search" }).fill(text);
  }

  async setStatusFilter(label: string, checked: boolean): Promise<void> {
    await this.filters
      .getByRole("group", { name: /^Status/ })
      .getByRole("checkbox", { name: label, exact: true })
      .setChecked(checked);
  }

  async showTrash(): Promise<void> {
    await this.page.getByRole("tab", { name: "Trash" }).click();
  }

  async showCampaigns(): Promise<void> {
    await this.page.getByRole("tab", { name: "Campaigns" }).click();
  }

  emptyState(title: string): Locator {
    return this.page.getByText(title, { exact: true });
  }

  /** A status action on the detail page ("Schedule", "Activate", "Pause", …). */
  action(label: string): Locator {
    return this.page.getByRole("button", { name: label, exact: true });
  }

  async openEdit(): Promise<void> {
    await this.page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Edit campaign" })).toBeVisible();
    // The form appears once the campaign (and its version) has loaded.
    await expect(this.form("Edit campaign")).toBeVisible();
  }

  async moveToTrash(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Delete ${name}` }).click();
    const dialog = this.page.getByRole("dialog", { name: "Move this campaign to the trash?" });
    await dialog.getByRole("button", { name: "Move to trash" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  }
}
