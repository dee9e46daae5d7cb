// /[account]/calendar: the content calendar (FullCalendar) with its schedule dialog and post panel.
// Days are the grid's cells, named by their date ("2026-11-25") in the zone the calendar shows.
import { expect, type Locator, type Page } from "@playwright/test";

export class CalendarPage {
  private readonly page: Page;
  readonly title: Locator;
  readonly scheduleDialog: Locator;
  readonly moveError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.title = page.locator(".fc-toolbar-title");
    this.scheduleDialog = page.getByRole("dialog", { name: "Schedule a post" });
    this.moveError = page.getByRole("alert").filter({ hasText: "The post was not moved" });
  }

  /** Opens the page from the console's sidebar, as a person would, and waits for the month grid. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Calendar" })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await expect(this.page.locator(".fc-daygrid-day").first()).toBeVisible();
  }

  async nextMonth(): Promise<void> {
    const before = await this.title.textContent();
    await this.page.getByRole("button", { name: "Next month" }).click();
    await expect(this.title).not.toHaveText(before ?? "");
  }

  /** Goes back to the month of today (the button is disabled while that month is shown). */
  async showToday(): Promise<void> {
    const button = this.page.getByRole("button", { name: "Today" });
    if (await button.isEnabled()) await button.click();
    await expect(this.page.locator("td.fc-day-today")).toBeVisible();
  }

  /** Today's date as the calendar shows it (in the calendar's zone, not the browser's). */
  async today(): Promise<string> {
    return this.requireDate(this.page.locator("td.fc-daygrid-day.fc-day-today"));
  }

  /** The days of the shown month (not the neighbouring months' days at the grid's edges). */
  async monthDays(): Promise<{ date: string; posts: number }[]> {
    const cells = this.page.locator("td.fc-daygrid-day:not(.fc-day-other)");
    const days: { date: string; posts: number }[] = [];
    for (const cell of await cells.all()) {
      days.push({ date: await this.requireDate(cell), posts: await cell.locator(".fc-event").count() });
    }
    return days;
  }

  day(date: string): Locator {
    return this.page.locator(`td.fc-daygrid-day[data-date="${date}"]`);
  }

  /** Clicks the empty part of a day, below its number (where no post sits when the day is empty). */
  async clickDay(date: string): Promise<void> {
    const cell = this.day(date);
    const box = await cell.boundingBox();
    if (!box) throw new Error(`The day ${date} is not on screen`);
    await cell.click({ position: { x: box.width / 2, y: box.height - 8 } });
  }

  post(postId: string): Locator {
    return this.page.locator(`.fc-event[data-post-id="${postId}"]`);
  }

  /** The id of the only post on a day. */
  async onlyPostOn(date: string): Promise<string> {
    const event = this.day(date).locator(".fc-event");
    await expect(event).toHaveCount(1);
    const id = await event.getAttribute("data-post-id");
    if (!id) throw new Error(`The post on ${date} has no id`);
    return id;
  }

  postTime(postId: string): Locator {
    return this.post(postId).locator("time");
  }

  postStatus(postId: string): Locator {
    return this.post(postId).getByTestId("post-status");
  }

  /** Drags a post onto another day with the mouse, the way FullCalendar expects a person to. */
  async dragPost(postId: string, toDate: string): Promise<void> {
    const from = await this.post(postId).boundingBox();
    const to = await this.day(toDate).boundingBox();
    if (!from || !to) throw new Error("The post or the day is not on screen");
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 8, start.y + 8, { steps: 4 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** The side panel of a post, named after its content. */
  panel(title: string): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  async openPost(postId: string, title: string): Promise<Locator> {
    await this.post(postId).click();
    const panel = this.panel(title);
    await expect(panel).toBeVisible();
    return panel;
  }

  private async requireDate(cell: Locator): Promise<string> {
    const date = await cell.getAttribute("data-date");
    if (!date) throw new Error("A calendar day without a date");
    return date;
  }
}
