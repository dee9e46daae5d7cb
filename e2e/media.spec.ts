// The media library in the console: an owner uploads a small PNG (real bytes, made in the test) and
// sees it in the library with its thumbnail loaded through the console's media proxy (served with
// nosniff and a sandboxing CSP, and only to a signed-in member); files of a refused type, or that
// are not what their type says, are named as refused (415). The owner describes the image (alt
// text, tags), finds it by tag, and deletes it. A viewer sees the library without upload or edit
// controls. File names carry a per-run suffix, so the spec passes on any earlier data.
import { expect, test } from "@playwright/test";
import { solidPng } from "../packages/db/src/testing/png.ts";
import { MediaPage } from "./pom/media-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

test("an owner uploads a PNG, sees its thumbnail, describes it and deletes it; refused files say why", async ({
  page,
  browser,
}) => {
  const media = new MediaPage(page);
  const suffix = uniqueSuffix();
  const fileName = `swatch-${suffix}.png`;

  await test.step("the PNG is uploaded and shown with its thumbnail, size and dimensions", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await media.open(demoAccounts.blueBottle.slug);
    await media.upload({ name: fileName, mimeType: "image/png", buffer: solidPng(24, 16) });
    await expect(media.uploadLine(fileName)).toContainText("Uploaded");
    const card = media.card(fileName);
    await expect(card).toContainText("PNG image");
    await expect(card).toContainText("24×16");
    await expect(card).toContainText("No alt text yet");
    await expect
      .poll(() =>
        media.thumbnail(fileName).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(24);
  });

  await test.step("the file comes through the proxy with its safety headers, and only to a signed-in member", async () => {
    const src = await media.thumbnail(fileName).getAttribute("src");
    expect(src).toMatch(/^\/api\/media\/[0-9a-f-]{36}\?account=/);
    const response = await page.request.get(src!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toBe("sandbox");
    expect(response.headers().etag).toBeTruthy();

    const stranger = await browser.newContext();
    const anonymous = await stranger.request.get(new URL(src!, page.url()).toString());
    expect(anonymous.status()).toBe(401);
    await stranger.close();
  });

  await test.step("a text file and a fake PNG are refused as types not accepted (415)", async () => {
    await media.upload(
      { name: `notes-${suffix}.txt`, mimeType: "text/plain", buffer: Buffer.from("just words") },
      { name: `fake-${suffix}.png`, mimeType: "image/png", buffer: Buffer.from("<html>not an image</html>") },
    );
    await expect(media.uploadLine(`notes-${suffix}.txt`)).toContainText("File type not accepted (415)");
    await expect(media.uploadLine(`notes-${suffix}.txt`)).toContainText("text/plain is not accepted");
    await expect(media.uploadLine(`fake-${suffix}.png`)).toContainText("The file is not a PNG image.");
    await expect(media.card(`notes-${suffix}.txt`)).toHaveCount(0);
    await expect(media.card(`fake-${suffix}.png`)).toHaveCount(0);
  });

  await test.step("alt text and tags are saved and shown; the tag filter finds the image", async () => {
    await media.editDetails(fileName, { altText: "A grey colour swatch", tags: ["swatch", `e2e-${suffix}`] });
    const card = media.card(fileName);
    await expect(card.getByTestId("media-alt-text")).toHaveText("Alt text: A grey colour swatch");
    await expect(card.getByRole("list", { name: "Tags" })).toContainText(`#e2e-${suffix}`);
    await expect(media.thumbnail(fileName)).toHaveAttribute("alt", "A grey colour swatch");
    await media.filters.getByLabel("Tag").fill(`e2e-${suffix}`);
    await expect(media.library.getByRole("listitem").filter({ has: page.locator("img") })).toHaveCount(1);
    await expect(media.card(fileName)).toBeVisible();
  });

  await test.step("deleting removes it from the library", async () => {
    await media.delete(fileName);
    await expect(media.card(fileName)).toHaveCount(0);
    await expect(page.getByText("No media matches these filters")).toBeVisible();
  });
});

test("a viewer sees the media library without upload, edit or delete controls", async ({ page }) => {
  const media = new MediaPage(page);
  await signInAs(page, demoUsers.agencyViewer.email);
  await media.open(demoAccounts.acmeOutdoor.slug);
  await expect(page.getByText("You can see the library")).toBeVisible();
  await expect(page.getByLabel("Upload files")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
});
