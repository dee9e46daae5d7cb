// /[account]/wallet: balance, spending chart, ledger (filters, CSV export), buying, promo codes.
import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";
import { parseTokens, tokens } from "../support/numbers.ts";

export class WalletPage {
  private readonly page: Page;
  readonly ledger: Locator;
  readonly pendingPurchases: Locator;
  readonly redeemForm: Locator;

  constructor(page: Page) {
    this.page = page;
    this.ledger = page.getByRole("table", { name: "Ledger" });
    this.pendingPurchases = page.getByRole("region", { name: "Pending purchases" });
    this.redeemForm = page.getByRole("form", { name: "Redeem a promo code" });
  }

  async goto(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}/wallet`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();
  }

  /** The value shown under one of the balance figures: "Balance", "Reserved" or "Available". */
  figure(label: "Balance" | "Reserved" | "Available"): Locator {
    return this.page
      .getByRole("region", { name: "Balance" })
      .locator("div")
      .filter({ has: this.page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }) })
      .getByRole("definition")
      .first();
  }

  async balance(): Promise<number> {
    await expect(this.figure("Balance")).toContainText("tokens");
    return parseTokens((await this.figure("Balance").textContent()) ?? "");
  }

  async expectBalance(amount: number): Promise<void> {
    await expect(this.figure("Balance")).toHaveText(`${tokens(amount)} tokens`);
  }

  /** Buys a package through the "Buy tokens" dialog; returns the invoice number (MK-…) it issued. */
  async buy(packageName: string, promoCode?: string): Promise<string> {
    await this.page.getByRole("button", { name: "Buy tokens" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Buy tokens" });
    await dialog.getByRole("radio", { name: new RegExp(`^${packageName}\\b`) }).check();
    if (promoCode) await dialog.getByLabel("Promo code (optional)").fill(promoCode);
    await dialog.getByRole("button", { name: /^Confirm purchase/ }).click();
    const status = dialog.getByRole("status");
    await expect(status).toContainText("Awaiting confirmation by a platform admin — invoice MK-");
    const invoiceNumber = /MK-\d+/.exec((await status.textContent()) ?? "")?.[0];
    if (!invoiceNumber) throw new Error("The purchase did not name its invoice");
    return invoiceNumber;
  }

  async closeDialog(): Promise<void> {
    await this.page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    await expect(this.page.getByRole("dialog")).toBeHidden();
  }

  /** The ledger row whose description is exactly `description`. */
  ledgerEntry(description: string): Locator {
    return this.ledger
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: description, exact: true }) });
  }

  async filterByTypes(types: string[]): Promise<void> {
    const form = this.page.getByRole("form", { name: "Filter ledger" });
    for (const type of types) await form.getByRole("checkbox", { name: type, exact: true }).check();
    await form.getByRole("button", { name: "Apply" }).click();
  }

  /** Clicks "Export CSV" and returns the downloaded file's text. */
  async exportCsv(): Promise<string> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "Export CSV" }).click();
    const file = await (await download).path();
    return readFile(file, "utf8");
  }

  /** The low-balance threshold form; returns it so a spec can check what it answers. */
  async saveThreshold(threshold: number): Promise<Locator> {
    const form = this.page.getByRole("form", { name: "Wallet settings" });
    await form.getByLabel("Low-balance threshold (tokens)").fill(String(threshold));
    await form.getByRole("button", { name: "Save settings" }).click();
    return form;
  }

  async redeem(code: string): Promise<void> {
    await this.redeemForm.getByLabel("Promo code").fill(code);
    await this.redeemForm.getByRole("button", { name: "Redeem" }).click();
  }
}
