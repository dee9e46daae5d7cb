// /[account]/journeys: the list with its filters and "New journey", and the builder: palette,
// canvas (steps, handles, connections), the step editor drawer, save/publish/lifecycle buttons,
// the enrol dialog and the live numbers on the steps.
import { expect, type Locator, type Page } from "@playwright/test";

export type StatName = "entered" | "waiting" | "completed" | "errored" | "converted";

export class JourneysPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly filters: Locator;
  readonly canvas: Locator;
  readonly palette: Locator;
  readonly drawer: Locator;
  readonly status: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Journeys", exact: true });
    this.filters = page.getByRole("search", { name: "Filter journeys" });
    this.canvas = page.locator(".react-flow");
    this.palette = page.getByRole("navigation", { name: "Steps to add" });
    this.drawer = page.getByRole("complementary", { name: /^(Edit step|Journey settings)/ });
    this.status = page.getByTestId("journey-status");
    this.notice = page.getByTestId("journey-notice");
  }

  /** Opens the list from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Journeys" })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Journeys" })).toBeVisible();
  }

  /** "New journey" → name → the builder, with its trigger on the canvas. */
  async create(name: string): Promise<void> {
    await this.page.getByRole("button", { name: "New journey" }).first().click();
    const form = this.page.getByRole("form", { name: "New journey" });
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Create and open the builder" }).click();
    // Creating, then loading a new page: allowed longer than one request on a busy machine.
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
    await expect(this.step("Start")).toBeVisible();
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** A step on the canvas by the name on its card. */
  step(name: string): Locator {
    return this.canvas
      .locator(".react-flow__node")
      .filter({ has: this.page.getByTestId("step-name").getByText(name, { exact: true }) });
  }

  /** The step's way in (top handle) or one of its ways out ("next", "yes", "no", a branch key…). */
  handle(step: Locator, which: "in" | string): Locator {
    return which === "in"
      ? step.locator(".react-flow__handle-top")
      : step.locator(`.react-flow__handle-bottom[data-handle="${which}"]`);
  }

  /** Drags a palette entry onto the canvas at (x, y) relative to the canvas' top-left corner. */
  async dragFromPalette(label: string, x: number, y: number): Promise<void> {
    // With the builder at the top of the window, palette and canvas are both in view: the drag
    // neither scrolls the page between pressing and dropping nor starts from a moved button.
    await this.page.getByRole("toolbar", { name: "Canvas tools" }).evaluate((el) => el.scrollIntoView());
    await this.palette.getByRole("button", { name: label, exact: true }).dragTo(this.canvas, {
      targetPosition: { x, y },
    });
  }

  /** Presses a palette entry: added after the selected step, connected to its first free way out. */
  async addAfterSelected(label: string): Promise<void> {
    await this.palette.getByRole("button", { name: label, exact: true }).click();
  }

  /** Connects two steps the way a person does: drag from one handle and drop on the other. */
  async connect(from: Locator, to: Locator): Promise<void> {
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    if (!start || !end) throw new Error("A handle to connect is not on screen.");
    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Selects a step (its editor opens in the drawer). */
  async select(step: Locator): Promise<void> {
    await step.locator("[data-testid=step-name]").click();
    await expect(this.drawer).toBeVisible();
  }

  edgeCount(): Locator {
    return this.canvas.locator(".react-flow__edge");
  }

  stat(step: Locator, name: StatName): Locator {
    return step.getByTestId(`stat-${name}`);
  }

  action(label: string): Locator {
    return this.page.getByRole("button", { name: label, exact: true });
  }

  /** Finds contacts by `search` in the enrol dialog, ticks those with these emails, enrols them. */
  async enrol(search: string, emails: string[]): Promise<void> {
    await this.action("Enrol contacts").click();
    const form = this.page.getByRole("form", { name: "Enrol contacts" });
    await form.getByLabel("Find contacts").fill(search);
    await expect(form.getByRole("checkbox")).toHaveCount(emails.length);
    for (const email of emails) await form.getByRole("checkbox", { name: `<${email}>` }).check();
    await form.getByRole("button", { name: `Enrol ${emails.length} contacts` }).click();
    await expect(form.getByRole("status")).toContainText(`Enrolled ${emails.length} contacts`);
    await form.getByRole("button", { name: "Done" }).click();
  }
}
