// /[account]/content/templates: the list (kind tabs, search, archived toggle), the editor (new and
// existing templates) with its declared variables, and the live preview with sample values.
import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

export type TemplateFormValues = {
  name?: string;
  kind?: "Content" | "Email";
  description?: string;
  subject?: string;
  body?: string;
};

export class TemplatesPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly filters: Locator;
  readonly preview: Locator;
  readonly previewText: Locator;
  readonly previewSubject: Locator;
  readonly unknownVariables: Locator;
  /** The HTML version, inside its sandboxed iframe. */
  readonly htmlPreview: FrameLocator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Templates", exact: true });
    this.filters = page.getByRole("search", { name: "Filter templates" });
    this.preview = page.getByRole("complementary", { name: "Template preview" });
    this.previewText = this.preview.getByTestId("template-preview-text");
    this.previewSubject = this.preview.getByTestId("template-preview-subject");
    this.unknownVariables = this.preview.getByTestId("unknown-variables");
    this.htmlPreview = this.preview.frameLocator('iframe[title="HTML preview"]');
  }

  /** Opens the list from the content page's header, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Content", exact: true })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Content" })).toBeVisible();
    await this.page.getByRole("link", { name: "Templates", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  }

  form(kind: "New template" | "Edit template"): Locator {
    return this.page.getByRole("form", { name: kind });
  }

  async startNew(): Promise<Locator> {
    await this.page.getByRole("link", { name: "New template" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
    return this.form("New template");
  }

  async fill(form: Locator, values: TemplateFormValues): Promise<void> {
    if (values.kind) await form.getByLabel("Kind").selectOption({ label: values.kind });
    if (values.name !== undefined) await form.getByLabel("Name", { exact: true }).fill(values.name);
    if (values.description !== undefined) await form.getByLabel("Description").fill(values.description);
    if (values.subject !== undefined) await form.getByLabel("Subject").fill(values.subject);
    if (values.body !== undefined) await form.getByLabel("Body").fill(values.body);
  }

  /** The name and default inputs of the n-th declared variable (1-based). */
  variable(form: Locator, n: number): { name: Locator; defaultValue: Locator } {
    const row = form
      .getByRole("list", { name: "Declared variables" })
      .getByRole("listitem")
      .nth(n - 1);
    return { name: row.getByLabel(`Name of variable ${n}`), defaultValue: row.getByLabel(/^Default for/) };
  }

  /** The sample value input for a variable in the preview. */
  sample(name: string): Locator {
    return this.preview.getByLabel(name, { exact: true });
  }

  async expectTemplate(name: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  }

  async save(): Promise<void> {
    await this.form("Edit template").getByRole("button", { name: "Save changes" }).click();
  }

  action(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  row(name: string): Locator {
    return this.list.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async showKind(tab: "All" | "Content" | "Email"): Promise<void> {
    await this.page.getByRole("tablist", { name: "Template kinds" }).getByRole("tab", { name: tab }).click();
  }
}
