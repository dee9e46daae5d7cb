import { expect, type Locator, type Page } from "@playwright/test";

export class ApiKeysPage {
  private readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "API keys" });
  }

  /** Creates a key with the given scopes and returns the secret revealed once. */
  async create(name: string, scopes: string[]): Promise<string> {
    const form = this.page.getByRole("form", { name: "Create API key" });
    await form.getByLabel("Name").fill(name);
    for (const scope of scopes) await form.getByRole("checkbox", { name: scope, exact: true }).check();
    await form.getByRole("button", { name: "Create API key" }).click();
    const reveal = this.page.getByRole("region", { name: "New API key secret" });
    await expect(reveal).toContainText("won't be shown again");
    return reveal.getByLabel("Secret").inputValue();
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ hasText: name });
  }

  async revoke(name: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(dialog).toBeHidden();
  }
}
