// /[account]/content: the list with its filters, the editor (new and existing items) with its
// preview, brand check, reviews and history, and the "Generate with AI" dialog.
import { expect, type Locator, type Page } from "@playwright/test";

export type ContentFormValues = {
  title?: string;
  type?: "Social post" | "Email" | "Blog post" | "Ad copy" | "SMS";
  subject?: string;
  body?: string;
  tags?: string[];
  campaign?: string;
};

export class ContentPage {
  private readonly page: Page;
  readonly list: Locator;
  readonly filters: Locator;
  readonly status: Locator;
  readonly preview: Locator;
  readonly brandCheck: Locator;
  readonly reviews: Locator;
  readonly versions: Locator;
  readonly generateDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole("table", { name: "Content", exact: true });
    this.filters = page.getByRole("search", { name: "Filter content" });
    this.status = page.getByTestId("content-status");
    this.preview = page.getByRole("complementary", { name: "Preview" });
    this.brandCheck = page.getByRole("region", { name: "Brand check" });
    this.reviews = page.getByRole("list", { name: "Reviews" });
    this.versions = page.getByRole("list", { name: "Versions" });
    this.generateDialog = page.getByRole("dialog", { name: "Generate with AI" });
  }

  /** Opens the list from the console's sidebar, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Content", exact: true })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Content" })).toBeVisible();
  }

  form(kind: "New content" | "Edit content"): Locator {
    return this.page.getByRole("form", { name: kind });
  }

  async fill(form: Locator, values: ContentFormValues): Promise<void> {
    if (values.type) await form.getByLabel("Type").selectOption({ label: values.type });
    if (values.title !== undefined) await form.getByLabel("Title").fill(values.title);
    if (values.subject !== undefined) await form.getByLabel("Subject").fill(values.subject);
    if (values.body !== undefined) await form.getByLabel("Text", { exact: true }).fill(values.body);
    if (values.tags) await form.getByLabel("Tags").fill(values.tags.join(", "));
    if (values.campaign) await form.getByLabel("Campaign").selectOption({ label: values.campaign });
  }

  async startNew(): Promise<Locator> {
    await this.page.getByRole("link", { name: "New content" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New content" })).toBeVisible();
    return this.form("New content");
  }

  /** Creates an item through the editor and waits for its page. */
  async create(values: ContentFormValues & { title: string }): Promise<void> {
    const form = await this.startNew();
    await this.fill(form, values);
    await form.getByRole("button", { name: "Create content" }).click();
    await this.expectItem(values.title);
  }

  async expectItem(title: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  }

  async save(): Promise<void> {
    await this.form("Edit content").getByRole("button", { name: "Save changes" }).click();
  }

  row(title: string): Locator {
    return this.list
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  action(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  /** Opens a comment dialog (Request review, Approve, Reject), writes the comment and confirms. */
  async decide(action: "Request review" | "Approve" | "Reject", comment: string): Promise<Locator> {
    await this.action(action).click();
    const titles = {
      "Request review": "Request a review",
      Approve: "Approve this content",
      Reject: "Reject this content",
    };
    const dialog = this.page.getByRole("dialog", { name: titles[action] });
    await dialog.getByRole("textbox").fill(comment);
    const confirm = { "Request review": "Send for review", Approve: "Approve", Reject: "Reject" }[action];
    await dialog.getByRole("button", { name: confirm, exact: true }).click();
    return dialog;
  }

  version(version: number): Locator {
    return this.versions.getByRole("listitem", { name: `Version ${version}`, exact: true });
  }

  async restoreVersion(version: number): Promise<void> {
    await this.version(version)
      .getByRole("button", { name: `Restore version ${version}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Restore version ${version}?` });
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async openGenerate(): Promise<Locator> {
    await this.page.getByRole("button", { name: "Generate with AI" }).click();
    await expect(this.generateDialog).toBeVisible();
    return this.generateDialog;
  }

  draft(n: number): Locator {
    return this.generateDialog.getByRole("listitem", { name: `Draft ${n}`, exact: true });
  }
}
