// /[account]/brand: the brand profile editor with its live preview, the version history, diffs and restore.
import { expect, type Locator, type Page } from "@playwright/test";

export class BrandPage {
  private readonly page: Page;
  readonly form: Locator;
  readonly mission: Locator;
  readonly keywords: Locator;
  readonly versions: Locator;
  readonly differences: Locator;
  readonly preview: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByRole("form", { name: "Brand DNA" });
    this.mission = this.form.getByLabel("Mission");
    this.keywords = this.form.getByLabel("Keywords");
    this.versions = page.getByRole("list", { name: "Versions" });
    this.differences = page.getByRole("table", { name: "Differences" });
    this.preview = page.getByRole("complementary", { name: "Preview" });
  }

  /** Opens the page from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Brand DNA" })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Brand DNA" })).toBeVisible();
    await expect(this.form).toBeVisible();
  }

  /** The history entry of one version. */
  version(version: number): Locator {
    return this.versions.getByRole("listitem", { name: `Version ${version}`, exact: true });
  }

  /** The current version, as the newest history entry shows it. */
  async currentVersion(): Promise<number> {
    const newest = this.versions.getByRole("listitem").first();
    await expect(newest).toContainText("Current");
    const match = /Version (\d+)/.exec((await newest.textContent()) ?? "");
    if (!match?.[1]) throw new Error("The history shows no version");
    return Number(match[1]);
  }

  async keywordList(): Promise<string[]> {
    return (await this.keywords.inputValue()).split("\n").filter((line) => line.trim() !== "");
  }

  async save(): Promise<void> {
    await this.form.getByRole("button", { name: "Save brand DNA" }).click();
  }

  async compare(from: number, to: number): Promise<void> {
    await this.page.getByLabel("From version").selectOption(String(from));
    await this.page.getByLabel("To version").selectOption(String(to));
  }

  async restore(version: number): Promise<void> {
    await this.version(version)
      .getByRole("button", { name: `Restore version ${version}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Restore version ${version}?` });
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
