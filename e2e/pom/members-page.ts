import { expect, type Locator, type Page } from "@playwright/test";

export class MembersPage {
  private readonly page: Page;
  readonly pendingInvitations: Locator;

  constructor(page: Page) {
    this.page = page;
    this.pendingInvitations = page.getByRole("table", { name: "Pending invitations" });
  }

  /** Invites someone and returns the one-time invitation link the page reveals. */
  async invite(email: string, role: "Owner" | "Admin" | "Member" | "Viewer" | "Billing"): Promise<string> {
    const form = this.page.getByRole("form", { name: "Invite member" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption({ label: role });
    await form.getByRole("button", { name: "Send invitation" }).click();
    const notice = this.page.getByRole("region", { name: "New invitation" });
    await expect(notice).toContainText(`Invitation created for ${email}`);
    return notice.getByLabel("Invitation link").inputValue();
  }

  async expectInvitationsLoaded(): Promise<void> {
    const panel = this.page.getByRole("region", { name: "Pending invitations" });
    await expect(panel.getByRole("status")).toHaveCount(0);
  }

  pendingInvitation(email: string): Locator {
    return this.pendingInvitations.getByRole("row").filter({ hasText: email });
  }
}
