// /admin/health: the platform admins' Database health page (status banner, check cards, lists).
import { expect, type Locator, type Page } from "@playwright/test";

export class HealthPage {
  private readonly page: Page;
  readonly heading: Locator;
  readonly banner: Locator;
  readonly overallStatus: Locator;
  readonly lastUpdated: Locator;
  readonly tables: Locator;
  readonly indexes: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole("heading", { level: 1, name: "Database health" });
    this.banner = page.getByTestId("health-status-banner");
    this.overallStatus = this.banner.getByRole("heading", { level: 2 });
    this.lastUpdated = page.getByText(/^Last updated \d{2}:\d{2}:\d{2}$/);
    this.tables = page.getByRole("table", { name: "Tables", exact: true });
    this.indexes = page.getByRole("table", { name: "Indexes", exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/health");
    await expect(this.heading).toBeVisible();
  }

  /** Waits for the report (the banner appears once it loaded). */
  async waitForReport(): Promise<void> {
    await expect(this.banner).toBeVisible({ timeout: 30_000 });
  }

  check(label: string): Locator {
    return this.page.getByRole("listitem", { name: label, exact: true });
  }

  /** The cards of checks that warn or fail, as text: why the banner is not "Healthy". */
  async nonPassingChecks(): Promise<string[]> {
    const cards = this.page.locator(
      "[data-testid^='check-'][data-status='WARN'], [data-testid^='check-'][data-status='FAIL']",
    );
    return (await cards.allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
  }

  /** The lists show their first rows; this unfolds the rest. */
  async showAll(panel: "Tables" | "Indexes" | "Top queries"): Promise<void> {
    await this.page
      .getByRole("region", { name: panel, exact: true })
      .getByRole("button", { name: /^Show all \d+$/ })
      .click();
  }

  tableRow(qualifiedName: string): Locator {
    return this.tables.getByRole("row").filter({ hasText: qualifiedName });
  }

  columnHeader(table: Locator, name: string): Locator {
    return table.getByRole("columnheader", { name });
  }

  async sortBy(table: Locator, column: string): Promise<void> {
    await this.columnHeader(table, column).getByRole("button", { name: column }).click();
  }
}
