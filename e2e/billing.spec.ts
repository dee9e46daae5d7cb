// Billing flows a person walks in the console: buying tokens through the manual-payment path (with
// a platform admin confirming), an agency funding a sub-account, and redeeming a promo code.
// Each test reads the numbers it starts from, so they pass in any order and on any earlier data.
import { expect, test } from "@playwright/test";
import { AdminPaymentsPage } from "./pom/admin-payments-page.ts";
import { ConsoleFrame } from "./pom/console-frame.ts";
import { InvoicesPage } from "./pom/invoices-page.ts";
import { SubAccountsPage } from "./pom/sub-accounts-page.ts";
import { WalletPage } from "./pom/wallet-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { WEB_URL } from "./support/environment.ts";
import { signedTokens, tokens } from "./support/numbers.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

// The seeded "Growth" package: 60,000 tokens + 5,000 bonus for €99.00.
const GROWTH = { name: "Growth", tokens: 60_000, bonus: 5_000, price: "€99.00" };

test("an owner buys a package, a platform admin confirms the payment, and the tokens, ledger and paid invoice appear", async ({
  browser,
  page,
}) => {
  const wallet = new WalletPage(page);
  const account = demoAccounts.blueBottle;
  let before = 0;
  let invoiceNumber = "";

  await test.step("the owner buys Growth and sees it awaiting confirmation", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await wallet.goto(account.slug);
    before = await wallet.balance();
    invoiceNumber = await wallet.buy(GROWTH.name);
    await wallet.closeDialog();
    await expect(wallet.pendingPurchases).toContainText(
      `Awaiting confirmation by a platform admin — invoice ${invoiceNumber} (${GROWTH.price})`,
    );
    await wallet.expectBalance(before);

    const invoices = new InvoicesPage(page);
    await invoices.goto(account.slug);
    await expect(invoices.row(invoiceNumber)).toContainText("Open");
    await expect(invoices.row(invoiceNumber)).toContainText(GROWTH.price);
  });

  await test.step("a platform admin confirms the manual payment", async () => {
    const admin = await browser.newContext();
    try {
      const adminPage = await admin.newPage();
      await signInAs(adminPage, demoUsers.platformAdmin.email);
      // A platform admin without memberships lands in the admin area.
      await expect(adminPage).toHaveURL(`${WEB_URL}/admin/payments`);
      const payments = new AdminPaymentsPage(adminPage);
      await expect(payments.row(invoiceNumber)).toContainText(account.name);
      await expect(payments.row(invoiceNumber)).toContainText(GROWTH.price);
      await payments.confirm(invoiceNumber, `E2E bank transfer ${uniqueSuffix()}`);
      await expect(payments.row(invoiceNumber)).toHaveCount(0);
    } finally {
      await admin.close();
    }
  });

  await test.step("the owner sees the new balance, the purchase and bonus rows, and the paid invoice", async () => {
    await wallet.goto(account.slug);
    await wallet.expectBalance(before + GROWTH.tokens + GROWTH.bonus);
    await expect(wallet.pendingPurchases).toHaveCount(0);
    const purchase = wallet.ledgerEntry(`Invoice ${invoiceNumber}`);
    await expect(purchase).toContainText("Purchase");
    await expect(purchase).toContainText(signedTokens(GROWTH.tokens));
    await expect(purchase).toContainText(tokens(before + GROWTH.tokens));
    const bonus = wallet.ledgerEntry(`Bonus tokens, invoice ${invoiceNumber}`);
    await expect(bonus).toContainText("Bonus");
    await expect(bonus).toContainText(signedTokens(GROWTH.bonus));
    await expect(bonus).toContainText(tokens(before + GROWTH.tokens + GROWTH.bonus));

    // The filtered ledger as CSV: both credits, with the columns the export promises.
    await wallet.filterByTypes(["Purchase", "Bonus"]);
    await expect(wallet.ledger.getByRole("cell", { name: "Debit", exact: true })).toHaveCount(0);
    const csv = await wallet.exportCsv();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Seq,Date,Type,Amount,Balance after,Service,Units,Description");
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`,purchase,${GROWTH.tokens},.*,Invoice ${invoiceNumber}$`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`,bonus,${GROWTH.bonus},.*,"Bonus tokens, invoice ${invoiceNumber}"$`),
      ),
    );
    expect(lines.slice(1).every((line) => /^\d+,[^,]+,(purchase|bonus),/.test(line))).toBe(true);

    const invoices = new InvoicesPage(page);
    await invoices.goto(account.slug);
    await expect(invoices.row(invoiceNumber)).toContainText("Paid");
    const invoice = await invoices.open(invoiceNumber);
    await expect(invoice).toContainText(account.name);
    await expect(invoice).toContainText("Paid");
    await expect(invoice).toContainText(`Total${GROWTH.price}`);
    await expect(invoice).toContainText(`+ ${tokens(GROWTH.bonus)} bonus`);

    // On paper only the invoice shows: no sidebar, header or toolbar.
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(invoice).toBeVisible();
    await page.emulateMedia({ media: "screen" });
  });
});

test("an agency owner transfers tokens to a sub-account and both ledgers show the transfer", async ({
  page,
}) => {
  const frame = new ConsoleFrame(page);
  const subAccounts = new SubAccountsPage(page);
  const wallet = new WalletPage(page);
  const client = demoAccounts.cedarDental;
  const note = `E2E transfer ${uniqueSuffix()}`;
  const amount = 1_234;

  await signInAs(page, demoUsers.agencyOwner.email);
  await frame.open("Sub-accounts");
  const agencyBefore = await subAccounts.agencyAvailableTokens();
  const clientBefore = await subAccounts.balanceOf(client.name);

  // More than the agency has: refused next to the amount, nothing moves.
  const dialog = await subAccounts.openTransfer(client.name);
  await subAccounts.submitTransfer(dialog, agencyBefore + 1, note);
  await expect(dialog.getByLabel("Amount (tokens)")).toHaveAccessibleDescription(
    `Only ${agencyBefore} tokens are available to transfer.`,
  );

  await subAccounts.submitTransfer(dialog, amount, note);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Transferred" })).toHaveText(
    `Transferred ${tokens(amount)} tokens to ${client.name}.`,
  );
  await expect(await subAccounts.cell(client.name, "Balance")).toHaveText(tokens(clientBefore + amount));
  await expect(subAccounts.agencyAvailable).toContainText(`${tokens(agencyBefore - amount)} tokens`);

  await frame.open("Wallet");
  const outgoing = wallet.ledgerEntry(note);
  await expect(outgoing).toContainText("Transfer out");
  await expect(outgoing).toContainText(signedTokens(-amount));

  await frame.switchAccount(client.name);
  await frame.expectAccount(client.name);
  await frame.open("Wallet");
  const incoming = wallet.ledgerEntry(note);
  await expect(incoming).toContainText("Transfer in");
  await expect(incoming).toContainText(signedTokens(amount));
  await wallet.expectBalance(clientBefore + amount);
});

test("a promo code adds its bonus once; redeeming it again is refused next to the field", async ({
  page,
}) => {
  const frame = new ConsoleFrame(page);
  const wallet = new WalletPage(page);

  // A sub-account made for this test has never redeemed anything, whatever ran before.
  await signInAs(page, demoUsers.agencyOwner.email);
  await frame.open("Sub-accounts");
  const slug = await new SubAccountsPage(page).create(`E2E Promo ${uniqueSuffix()}`);

  await wallet.goto(slug);
  await wallet.expectBalance(0);
  await wallet.redeem("welcome500");
  await expect(wallet.redeemForm.getByRole("status")).toHaveText(
    "Redeemed WELCOME500: 500 bonus tokens added.",
  );
  const bonus = wallet.ledgerEntry("Promo code WELCOME500");
  await expect(bonus).toContainText("Bonus");
  await expect(bonus).toContainText(signedTokens(500));
  await wallet.expectBalance(500);

  await wallet.redeem("WELCOME500");
  await expect(wallet.redeemForm.getByLabel("Promo code")).toHaveAccessibleDescription(
    "This account has already used this promo code.",
  );
  await expect(wallet.redeemForm.getByLabel("Promo code")).toHaveAttribute("aria-invalid", "true");
  await expect(wallet.ledger.getByRole("cell", { name: "Promo code WELCOME500", exact: true })).toHaveCount(
    1,
  );
  await wallet.expectBalance(500);
});

test("saving wallet settings someone else changed meanwhile asks to reload them", async ({ page }) => {
  await signInAs(page, demoUsers.agencyOwner.email);
  await new ConsoleFrame(page).open("Sub-accounts");
  const slug = await new SubAccountsPage(page).create(`E2E Settings ${uniqueSuffix()}`);
  const wallet = new WalletPage(page);
  await wallet.goto(slug);

  // A second tab saves first.
  const other = await page.context().newPage();
  const otherWallet = new WalletPage(other);
  await otherWallet.goto(slug);
  const saved = await otherWallet.saveThreshold(2_000);
  await expect(saved.getByRole("status")).toHaveText("Settings saved.");
  await other.close();

  const stale = await wallet.saveThreshold(3_000);
  await expect(stale.getByRole("alert")).toContainText("Someone else changed these settings");
  await stale.getByRole("button", { name: "Reload settings" }).click();
  await expect(stale.getByLabel("Low-balance threshold (tokens)")).toHaveValue("2000");
  const retried = await wallet.saveThreshold(3_000);
  await expect(retried.getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(
    page.getByRole("form", { name: "Wallet settings" }).getByLabel("Low-balance threshold (tokens)"),
  ).toHaveValue("3000");
});

test("an agency owner sets a sub-account's markup in percent", async ({ page }) => {
  const subAccounts = new SubAccountsPage(page);
  await signInAs(page, demoUsers.agencyOwner.email);
  await new ConsoleFrame(page).open("Sub-accounts");
  const name = `E2E Markup ${uniqueSuffix()}`;
  await subAccounts.create(name);
  await expect(await subAccounts.cell(name, "Markup")).toHaveText("0 %");

  await subAccounts.setMarkup(name, "12.5");
  await expect(page.getByRole("status").filter({ hasText: "Markup for" })).toHaveText(
    `Markup for ${name} set to 12.5 %.`,
  );
  await expect(await subAccounts.cell(name, "Markup")).toHaveText("12.5 %");

  // The dialog opens with the current value, in percent.
  await subAccounts
    .row(name)
    .getByRole("button", { name: `Set markup for ${name}` })
    .click();
  await expect(page.getByRole("dialog").getByLabel("Markup on every service (%)")).toHaveValue("12.5");
});
