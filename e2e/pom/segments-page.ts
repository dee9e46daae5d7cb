// /[account]/segments: the list, and the segment editor with its visual condition builder, live
// count and members.
import { expect, type Locator, type Page } from "@playwright/test";

export class SegmentsPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly liveCount: Locator;
  readonly memberCount: Locator;
  readonly members: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Segments", exact: true });
    this.liveCount = page
      .getByRole("complementary", { name: "Live count" })
      .getByTestId("segment-live-count");
    this.memberCount = page.getByTestId("segment-member-count");
    this.members = page.getByRole("table", { name: "Segment members" });
  }

  /** Opens the list from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Segments", exact: true })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
  }

  form(kind: "New segment" | "Edit segment"): Locator {
    return this.page.getByRole("form", { name: kind });
  }

  async startNew(): Promise<Locator> {
    await this.page.getByRole("link", { name: "New segment" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New segment" })).toBeVisible();
    return this.form("New segment");
  }

  /** Adds a condition row to the top-level group and answers it (named "Condition <n>"). */
  async addCondition(form: Locator, number: number): Promise<Locator> {
    await form.getByRole("button", { name: "Add condition to all conditions" }).click();
    const row = this.condition(form, String(number));
    await expect(row).toBeVisible();
    return row;
  }

  condition(form: Locator, number: string): Locator {
    return form.getByRole("group", { name: `Condition ${number}`, exact: true });
  }

  async expectDetail(name: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}
