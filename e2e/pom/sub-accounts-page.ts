import { expect, type Locator, type Page } from "@playwright/test";

export class SubAccountsPage {
  private readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Sub-accounts" });
  }

  /** Creates a sub-account from its name, keeping the slug the form derives; returns that slug. */
  async create(name: string): Promise<string> {
    const form = this.page.getByRole("form", { name: "Create sub-account" });
    await form.getByLabel("Name").fill(name);
    const slug = await form.getByLabel("Slug").inputValue();
    await form.getByRole("button", { name: "Create sub-account" }).click();
    await expect(form.getByRole("status")).toContainText(`Created ${name}`);
    return slug;
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ hasText: name });
  }
}
