// Content in the console: a member writes an item (the preview shows markup as typed), asks for a
// review; an owner rejects it with a comment, then approves the next version. An owner generates
// drafts with the offline provider after seeing what they cost and what the wallet holds, uses
// one, saves it and sees the brand check, trips the check with a word the brand avoids, restores
// the earlier version, meets a stale-version conflict, and archives and restores the item. A
// viewer reads content without any control to change it. Titles carry a per-run suffix, so the
// spec passes on any earlier data.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ContentPage } from "./pom/content-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { parseTokens } from "./support/numbers.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

test("a member writes content and asks for a review; the owner rejects it with a comment, then approves the fixed version", async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const title = `Autumn roast launch ${suffix}`;
  const account = demoAccounts.agency.slug;
  const member = await personPage(browser, demoUsers.agencyMember.email);
  const owner = await personPage(browser, demoUsers.agencyOwner.email);
  const asMember = new ContentPage(member);
  const asOwner = new ContentPage(owner);
  let itemUrl = "";
  try {
    await test.step("the member writes a post; the preview shows markup as plain text and the counter the channel's limit", async () => {
      await asMember.open(account);
      const form = await asMember.startNew();
      await asMember.fill(form, {
        title,
        type: "Social post",
        body: "Our autumn roast is here <b>today</b> <script>alert(1)</script>",
        tags: ["autumn", `e2e-${suffix}`],
      });
      await expect(asMember.preview.getByTestId("preview-body")).toHaveText(
        "Our autumn roast is here <b>today</b> <script>alert(1)</script>",
      );
      await expect(asMember.preview.locator("b")).toHaveCount(0);
      await expect(form.getByText("/ 3,000 characters (LinkedIn)")).toBeVisible();
      await form.getByRole("button", { name: "Create content" }).click();
      await asMember.expectItem(title);
      await expect(asMember.status).toHaveText("Draft");
      await expect(asMember.brandCheck).toContainText("Brand check passed");
      itemUrl = member.url();
    });

    await test.step("the list shows it with its status and brand check; the filters find it", async () => {
      await member.getByRole("link", { name: "← All content" }).click();
      await expect(asMember.row(title)).toContainText("Social post");
      await expect(asMember.row(title)).toContainText("Draft");
      await expect(asMember.row(title)).toContainText("Brand check passed");
      await asMember.filters.getByLabel("Search").fill(suffix);
      await expect(asMember.list.getByRole("row")).toHaveCount(2); // header + the item
      await asMember.filters.getByLabel("In review").check();
      await expect(member.getByText("No content matches these filters")).toBeVisible();
      await asMember.filters.getByLabel("In review").uncheck();
      await asMember.row(title).getByRole("link", { name: title }).click();
      await asMember.expectItem(title);
    });

    await test.step("the member asks for a review with a note; members get no approve or reject", async () => {
      const dialog = await asMember.decide("Request review", "Please check the tone.");
      await expect(dialog).toBeHidden();
      await expect(asMember.status).toHaveText("In review");
      await expect(asMember.reviews.getByRole("listitem").first()).toContainText("Waiting for review");
      await expect(asMember.reviews.getByRole("listitem").first()).toContainText("Please check the tone.");
      await expect(asMember.action("Approve")).toHaveCount(0);
      await expect(asMember.action("Reject")).toHaveCount(0);
      await expect(asMember.action("Withdraw review")).toBeVisible();
    });

    await test.step("the owner must say why to reject; the rejection sends it back to draft with the comment", async () => {
      await owner.goto(itemUrl);
      await asOwner.expectItem(title);
      await expect(asOwner.status).toHaveText("In review");
      const dialog = await asOwner.decide("Reject", "");
      await expect(dialog.getByText("a rejection needs a comment")).toBeVisible();
      await dialog.getByRole("textbox").fill("Drop the markup and say when it is in the shops.");
      await dialog.getByRole("button", { name: "Reject", exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(asOwner.status).toHaveText("Draft");
      const latest = asOwner.reviews.getByRole("listitem").first();
      await expect(latest).toContainText("Rejected");
      await expect(latest).toContainText("Drop the markup and say when it is in the shops.");
    });

    await test.step("the member fixes the text and asks again; the owner approves", async () => {
      await member.reload();
      await expect(asMember.status).toHaveText("Draft");
      await expect(asMember.reviews).toContainText("Drop the markup and say when it is in the shops.");
      await asMember.fill(asMember.form("Edit content"), {
        body: "Our autumn roast is in the shops from Monday.",
      });
      await asMember.save();
      await expect(asMember.form("Edit content").getByRole("status")).toContainText("Saved as version");
      await asMember.decide("Request review", "Fixed, thanks.");
      await expect(asMember.status).toHaveText("In review");

      await owner.reload();
      await expect(asOwner.status).toHaveText("In review");
      await expect(asOwner.preview.getByTestId("preview-body")).toHaveText(
        "Our autumn roast is in the shops from Monday.",
      );
      await asOwner.decide("Approve", "Good to go.");
      await expect(asOwner.status).toHaveText("Approved");
      const latest = asOwner.reviews.getByRole("listitem").first();
      await expect(latest).toContainText("Approved by Olivia Owner");
      await expect(latest).toContainText("Good to go.");

      await member.reload();
      await expect(asMember.status).toHaveText("Approved");
    });
  } finally {
    await member.context().close();
    await owner.context().close();
  }
});

test("an owner generates drafts offline after seeing their cost, uses one, and sees the brand check of what is saved", async ({
  page,
}) => {
  const content = new ContentPage(page);
  const suffix = uniqueSuffix();
  const brief = `Seasonal sourdough week ${suffix}`;
  let reserved = 0;

  await test.step("the dialog names the offline provider and shows the cost and the wallet before anything is spent", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await content.open(demoAccounts.blueBottle.slug);
    await content.startNew();
    const dialog = await content.openGenerate();
    await dialog.getByLabel("Content type").selectOption({ label: "Social post" });
    await dialog.getByLabel("Brief").fill(brief);
    await dialog.getByLabel("Variants").selectOption({ label: "2 drafts" });
    await expect(dialog.getByTestId("generation-provider")).toHaveText("Offline drafts (no AI)");
    await expect(dialog.getByText("No AI is involved")).toBeVisible();
    await expect(dialog.getByTestId("generation-cost")).toContainText(/up to [\d,]+ tokens/);
    await expect(dialog.getByTestId("wallet-available")).toContainText(/[\d,]+ tokens available/);
    reserved = parseTokens((await dialog.getByTestId("generation-cost").textContent()) ?? "");
    await expect(dialog.getByRole("button", { name: /^Generate for up to/ })).toHaveText(
      new RegExp(`up to ${reserved.toLocaleString("en-GB")} tokens`),
    );
  });

  await test.step("confirming writes two drafts, each with its brand check, and says what was charged", async () => {
    await content.generateDialog.getByRole("button", { name: /^Generate for up to/ }).click();
    await expect(content.draft(1)).toBeVisible();
    await expect(content.draft(2)).toBeVisible();
    await expect(content.draft(1)).toContainText(/Brand check passed|brand issue/);
    await expect(content.generateDialog.getByRole("status")).toContainText(
      "written offline (no AI): charged",
    );
  });

  await test.step("using a draft fills the editor; saving it shows the brand check of the saved item", async () => {
    await content
      .draft(1)
      .getByRole("button", { name: /^Use this draft/ })
      .click();
    await expect(content.generateDialog).toBeHidden();
    const form = content.form("New content");
    await expect(form.getByLabel("Title")).toHaveValue(brief);
    await expect(form.getByLabel("Text", { exact: true })).not.toHaveValue("");
    await form.getByRole("button", { name: "Create content" }).click();
    await content.expectItem(brief);
    await expect(content.status).toHaveText("Draft");
    await expect(content.brandCheck).toContainText("Brand check passed");
    await expect(content.brandCheck).toContainText("Against brand DNA version");
  });

  await test.step("a word the brand avoids fails the check after saving; restoring version 1 passes it again", async () => {
    const form = content.form("Edit content");
    const text = form.getByLabel("Text", { exact: true });
    await text.fill(`${await text.inputValue()}\n\nCheap bread, fresh every day.`);
    await content.save();
    await expect(content.brandCheck).toContainText("1 brand issue");
    await expect(content.brandCheck.getByRole("list", { name: "Brand issues" })).toContainText(
      'Uses "cheap", which the brand avoids.',
    );
    await content.restoreVersion(1);
    await expect(content.version(3)).toContainText("Current");
    await expect(content.brandCheck).toContainText("Brand check passed");
    await expect(content.form("Edit content").getByLabel("Text", { exact: true })).not.toHaveValue(
      /Cheap bread/,
    );
  });

  await test.step("a save from an older copy is refused as a conflict until reloaded", async () => {
    const other = await page.context().newPage();
    const otherContent = new ContentPage(other);
    await other.goto(page.url());
    await otherContent.expectItem(brief);

    await content.fill(content.form("Edit content"), { tags: ["bakery"] });
    await content.save();
    await expect(content.version(4)).toContainText("Current");

    await otherContent.fill(otherContent.form("Edit content"), { tags: ["stale"] });
    await otherContent.save();
    const stale = otherContent.form("Edit content");
    await expect(stale.getByRole("alert")).toContainText("someone else changed this content");
    await stale.getByRole("button", { name: "Reload" }).click();
    await expect(otherContent.form("Edit content").getByLabel("Tags")).toHaveValue("bakery");
    await other.close();
  });

  await test.step("archiving takes it out of the list; restoring brings it back as a draft", async () => {
    await page.reload();
    await content.expectItem(brief);
    await content.action(`Archive ${brief}`).click();
    await page
      .getByRole("dialog", { name: "Archive this content?" })
      .getByRole("button", { name: "Archive" })
      .click();
    await expect(content.status).toHaveText("Archived");
    await expect(content.form("Edit content").getByLabel("Title")).toBeDisabled();
    await content.action("Restore").click();
    await expect(content.status).toHaveText("Draft");
    await expect(content.form("Edit content").getByLabel("Title")).toBeEnabled();
  });
});

test("a viewer reads content but gets no control to write, generate, review or archive it", async ({
  page,
}) => {
  const content = new ContentPage(page);
  const seeded = "Trail safety tips";

  await signInAs(page, demoUsers.agencyViewer.email);
  await content.open(demoAccounts.acmeOutdoor.slug);
  await expect(content.row(seeded)).toBeVisible();
  await expect(page.getByRole("link", { name: "New content" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate with AI" })).toHaveCount(0);

  await content.row(seeded).getByRole("link", { name: seeded }).click();
  await content.expectItem(seeded);
  await expect(page.getByText("You can read this content")).toBeVisible();
  await expect(content.form("Edit content").getByLabel("Title")).toBeDisabled();
  await expect(content.preview.getByTestId("preview-title")).toHaveText(seeded);
  for (const label of [
    "Save changes",
    "Request review",
    "Approve",
    "Reject",
    `Archive ${seeded}`,
    "Generate with AI",
  ]) {
    await expect(page.getByRole("button", { name: label })).toHaveCount(0);
  }
});
