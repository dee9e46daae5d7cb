// /[account]/workflows: the definitions list and "New workflow", a definition's page (graph,
// problems, JSON, lifecycle buttons, "Start"), and an instance's page (status, steps, approval).
import { expect, type Locator, type Page } from "@playwright/test";

export class WorkflowsPage {
  private readonly page: Page;
  readonly definitionStatus: Locator;
  readonly instanceStatus: Locator;
  readonly approvals: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.definitionStatus = page.getByTestId("workflow-status");
    this.instanceStatus = page.getByTestId("instance-status");
    this.approvals = page.getByRole("region", { name: "Waiting for approval" });
    this.notice = page.getByTestId("workflow-notice");
  }

  /** Opens the list from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Workflows" })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  }

  /** "New workflow" → name and definition JSON → the definition's page, a draft. */
  async create(name: string, definition: unknown): Promise<void> {
    await this.page.getByRole("button", { name: "New workflow" }).first().click();
    const form = this.page.getByRole("form", { name: "New workflow" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Definition (JSON)").fill(JSON.stringify(definition, null, 2));
    await form.getByRole("button", { name: "Create workflow" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  }

  /** A step's card on the graph, by the name on it. */
  graphStep(name: string): Locator {
    return this.page
      .locator(".react-flow__node")
      .filter({ has: this.page.getByTestId("graph-step-name").getByText(name, { exact: true }) });
  }

  /** The state of a step of the instance, in words ("Completed", "Waiting for approval"…). */
  stepState(stepId: string): Locator {
    return this.page.getByTestId(`step-row-${stepId}`).getByTestId("step-state");
  }

  /** Starts the shown (active) definition with this input; lands on the new instance's page. */
  async start(input: Record<string, unknown>, options: { priority: string; correlationId: string }) {
    await this.page.getByRole("button", { name: "Start", exact: true }).click();
    const form = this.page.getByRole("form", { name: "Start workflow" });
    await form.getByLabel("Input (JSON)").fill(JSON.stringify(input));
    await form.getByLabel("Priority").selectOption({ label: options.priority });
    await form.getByLabel("Correlation id (optional)").fill(options.correlationId);
    await form.getByRole("button", { name: "Start workflow" }).click();
    await expect(this.instanceStatus).toBeVisible({ timeout: 30_000 });
  }

  button(label: string): Locator {
    return this.page.getByRole("button", { name: label, exact: true });
  }
}
