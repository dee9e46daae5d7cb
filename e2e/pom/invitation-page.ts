import type { Page } from "@playwright/test";

/** /invite/[token] as seen by someone without a user yet. */
export class InvitationPage {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async acceptAsNewUser(link: string, name: string, password: string): Promise<void> {
    await this.page.goto(link);
    const form = this.page.getByRole("form", { name: "Create your user" });
    await form.getByLabel("Your name").fill(name);
    await form.getByLabel("Password").fill(password);
    await form.getByRole("button", { name: "Accept invitation" }).click();
  }
}
