// /[account]/content/media: the upload zone, the filters and the grid of assets with their
// thumbnails, alt text and tags; editing details in a dialog, deleting behind a confirmation.
import { expect, type Locator, type Page } from "@playwright/test";

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

export class MediaPage {
  private readonly page: Page;
  readonly library: Locator;
  readonly uploads: Locator;
  readonly filters: Locator;
  readonly editDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.library = page.getByRole("list", { name: "Media assets" });
    this.uploads = page.getByRole("list", { name: "Uploads" });
    this.filters = page.getByRole("search", { name: "Filter media" });
    this.editDialog = page.getByRole("dialog", { name: "Edit media details" });
  }

  /** Opens the library from the content page's header, as a person would. */
  async open(accountSlug: string): Promise<void> {
    await this.page.goto(`/${accountSlug}`);
    await this.page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Content", exact: true })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Content" })).toBeVisible();
    await this.page.getByRole("link", { name: "Media library", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Media library" })).toBeVisible();
  }

  async upload(...files: UploadFile[]): Promise<void> {
    await this.page.getByLabel("Upload files").setInputFiles(files);
  }

  /** What became of an upload: its line in the upload list. */
  uploadLine(fileName: string): Locator {
    return this.uploads.getByRole("listitem", { name: fileName, exact: true });
  }

  card(fileName: string): Locator {
    return this.library.getByRole("listitem", { name: fileName, exact: true });
  }

  thumbnail(fileName: string): Locator {
    return this.card(fileName).locator("img");
  }

  async editDetails(fileName: string, values: { altText?: string; tags?: string[] }): Promise<void> {
    await this.card(fileName)
      .getByRole("button", { name: `Edit ${fileName}` })
      .click();
    await expect(this.editDialog).toBeVisible();
    if (values.altText !== undefined) await this.editDialog.getByLabel("Alt text").fill(values.altText);
    if (values.tags) await this.editDialog.getByLabel("Tags").fill(values.tags.join(", "));
    await this.editDialog.getByRole("button", { name: "Save", exact: true }).click();
    await expect(this.editDialog).toBeHidden();
  }

  async delete(fileName: string): Promise<void> {
    await this.card(fileName)
      .getByRole("button", { name: `Delete ${fileName}` })
      .click();
    const confirm = this.page.getByRole("dialog", { name: "Delete this file?" });
    await confirm.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(confirm).toBeHidden();
  }
}
