import { expect, type Locator, type Page } from "@playwright/test";
import { parseTokens } from "../support/numbers.ts";

export class SubAccountsPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly agencyAvailable: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Sub-accounts" });
    this.agencyAvailable = page.getByText(/^Agency wallet: .* available to transfer$/);
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

  /** The cell of a sub-account's row under a column header ("Balance", "Spent this month", "Markup"). */
  async cell(name: string, column: string): Promise<Locator> {
    // Headers are read once, so wait for the loaded table (the header and the row) first.
    await expect(this.list.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
    await expect(this.row(name)).toBeVisible();
    const headers = await this.list.getByRole("columnheader").allTextContents();
    const index = headers.findIndex((header) => header.trim() === column);
    if (index < 0) throw new Error(`No column "${column}" in ${headers.join(", ")}`);
    return this.row(name).getByRole("cell").nth(index);
  }

  async balanceOf(name: string): Promise<number> {
    const cell = await this.cell(name, "Balance");
    await expect(cell).toHaveText(/\d/);
    return parseTokens((await cell.textContent()) ?? "");
  }

  async agencyAvailableTokens(): Promise<number> {
    await expect(this.agencyAvailable).toBeVisible();
    return parseTokens((await this.agencyAvailable.textContent()) ?? "");
  }

  /** Opens the row's "Transfer tokens" dialog. */
  async openTransfer(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole("button", { name: `Transfer tokens to ${name}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Transfer tokens to ${name}` });
    await expect(dialog).toContainText("Available to transfer");
    return dialog;
  }

  async submitTransfer(dialog: Locator, amount: number, note: string): Promise<void> {
    await dialog.getByLabel("Amount (tokens)").fill(String(amount));
    await dialog.getByLabel("Note (optional)").fill(note);
    await dialog.getByRole("button", { name: "Transfer" }).click();
  }

  /** Transfers through the row's dialog and waits for it to close. */
  async transferTokens(name: string, amount: number, note: string): Promise<void> {
    const dialog = await this.openTransfer(name);
    await this.submitTransfer(dialog, amount, note);
    await expect(dialog).toBeHidden();
  }

  async setMarkup(name: string, percent: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Set markup for ${name}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Markup for ${name}` });
    await dialog.getByLabel("Markup on every service (%)").fill(percent);
    await dialog.getByRole("button", { name: "Save markup" }).click();
    await expect(dialog).toBeHidden();
  }
}
