// /[account]/invoices and the printable /[account]/invoices/[invoiceId].
import { expect, type Locator, type Page } from "@playwright/test";

export class InvoicesPage {
  private readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Invoices" });
  }

  async goto(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}/invoices`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  }

  row(invoiceNumber: string): Locator {
    return this.list.getByRole("row").filter({ hasText: invoiceNumber });
  }

  /** Opens the printable invoice; returns the document. */
  async open(invoiceNumber: string): Promise<Locator> {
    await this.row(invoiceNumber).getByRole("link", { name: invoiceNumber }).click();
    const invoice = this.page.getByRole("article", { name: `Invoice ${invoiceNumber}` });
    await expect(invoice).toBeVisible();
    return invoice;
  }
}
