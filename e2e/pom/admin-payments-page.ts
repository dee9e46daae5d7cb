// /admin/payments: a platform admin confirms manual payments.
import { expect, type Locator, type Page } from "@playwright/test";

export class AdminPaymentsPage {
  private readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Payments awaiting confirmation" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/payments");
    await expect(this.page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
  }

  row(invoiceNumber: string): Locator {
    return this.list.getByRole("row").filter({ hasText: invoiceNumber });
  }

  async confirm(invoiceNumber: string, note?: string): Promise<void> {
    await this.row(invoiceNumber)
      .getByRole("button", { name: `Confirm payment for invoice ${invoiceNumber}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Confirm payment for invoice ${invoiceNumber}` });
    if (note) await dialog.getByLabel("Note (optional)").fill(note);
    await dialog.getByRole("button", { name: "Confirm payment" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      this.page.getByRole("status").filter({ hasText: `Payment for invoice ${invoiceNumber} confirmed` }),
    ).toBeVisible();
  }
}
