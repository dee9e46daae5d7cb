// The console around every account page: account switcher, sidebar navigation, user menu.
import { expect, type Page } from "@playwright/test";

export class ConsoleFrame {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async switchAccount(accountName: string): Promise<void> {
    await this.page.getByRole("button", { name: /switch account/i }).click();
    await this.page.getByRole("menuitem", { name: accountName, exact: true }).click();
  }

  async open(
    section: "Overview" | "Wallet" | "Invoices" | "Sub-accounts" | "Members" | "API keys" | "Audit log",
  ): Promise<void> {
    await this.page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: section }).click();
    const heading = section === "Overview" ? undefined : section;
    if (heading) await expect(this.page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }

  async expectAccount(accountName: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name: accountName })).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("banner").getByRole("button").click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
  }
}
