// Campaigns in the console: an owner creates one, finds it with the filters, moves it through its
// lifecycle, edits it (a stale edit is refused and offered a reload), deletes it and restores it
// from the trash; a viewer reads campaigns without any control to change them. Names carry a
// per-run suffix, so the spec passes on any earlier data.
import { expect, type Locator, test } from "@playwright/test";
import { CampaignsPage } from "./pom/campaigns-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

/** One labelled value in the Details panel (the `has` locator is relative to each candidate). */
const fact = (details: Locator, label: string) =>
  details.locator("div").filter({ has: details.page().getByText(label, { exact: true }) });

test("an owner creates a campaign, filters for it, moves it draft → scheduled → active, edits it, and restores it from the trash", async ({
  page,
}) => {
  const campaigns = new CampaignsPage(page);
  const suffix = uniqueSuffix();
  const name = `Harvest loaves ${suffix}`;
  const renamed = `Harvest loaves and buns ${suffix}`;
  const tag = `e2e-${suffix}`;
  const details = page.getByRole("region", { name: "Details" });

  await test.step("the owner creates a campaign; it starts as a draft, its dates on the chosen zone's clock", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await campaigns.open(demoAccounts.blueBottle.slug);
    await campaigns.create({
      name,
      type: "Broadcast",
      description: "Autumn breads for the neighbourhood.",
      objectives: ["300 newsletter sign-ups", "Sell out on Saturdays"],
      budgetTokens: "5000",
      budgetMoney: "1500.00",
      budgetCurrency: "EUR",
      timeZone: "Europe/Rome",
      startsAt: "2027-09-01T09:00",
      endsAt: "2027-10-31T18:00",
      tags: [tag, "autumn"],
    });
    await expect(campaigns.status).toHaveText("Draft");
    await expect(fact(details, "Starts")).toContainText("09:00");
    await expect(fact(details, "Ends")).toContainText("18:00");
    await expect(fact(details, "Time zone")).toContainText("Europe/Rome");
    await expect(fact(details, "Token budget")).toContainText("5,000 tokens");
    await expect(fact(details, "Money budget")).toContainText("€1,500.00");
    await expect(fact(details, "Objectives")).toContainText("Sell out on Saturdays");
    await expect(page.getByText("No content in this campaign yet")).toBeVisible();
    await expect(page.getByText("No posts scheduled for this campaign yet")).toBeVisible();
    // A draft can only be scheduled or cancelled.
    await expect(campaigns.action("Schedule")).toBeVisible();
    await expect(campaigns.action("Cancel campaign")).toBeVisible();
    await expect(campaigns.action("Activate")).toHaveCount(0);
  });

  await test.step("the list shows it; the search, tag and status filters find it or leave it out", async () => {
    await page.getByRole("link", { name: "← All campaigns" }).click();
    await expect(campaigns.row(name)).toBeVisible();
    await expect(campaigns.row(name)).toContainText("Broadcast");
    await expect(campaigns.row(name)).toContainText("Draft");
    await expect(campaigns.row(name)).toContainText(tag);

    await campaigns.search(suffix);
    await expect(campaigns.list.getByRole("row")).toHaveCount(2); // header + the campaign
    await campaigns.setStatusFilter("Active", true);
    await expect(campaigns.emptyState("No campaigns match these filters")).toBeVisible();
    await campaigns.setStatusFilter("Draft", true);
    await expect(campaigns.row(name)).toBeVisible();
    await campaigns.setStatusFilter("Active", false);
    await campaigns.setStatusFilter("Draft", false);
    await campaigns.search("");
    await campaigns.filters.getByLabel("Tag").fill(tag);
    await expect(campaigns.list.getByRole("row")).toHaveCount(2);
    await expect(campaigns.row(name)).toBeVisible();
  });

  await test.step("the owner schedules, then activates it; each status offers only its allowed moves", async () => {
    await campaigns.row(name).getByRole("link", { name }).click();
    await campaigns.expectDetail(name);
    await campaigns.action("Schedule").click();
    await expect(campaigns.status).toHaveText("Scheduled");
    await expect(campaigns.action("Schedule")).toHaveCount(0);
    await campaigns.action("Activate").click();
    await expect(campaigns.status).toHaveText("Active");
    await expect(campaigns.action("Pause")).toBeVisible();
    await expect(campaigns.action("Complete")).toBeVisible();
    await expect(campaigns.action("Cancel campaign")).toBeVisible();
    await expect(campaigns.action("Activate")).toHaveCount(0);
  });

  await test.step("the status filter now finds it among the active campaigns", async () => {
    await page.getByRole("link", { name: "← All campaigns" }).click();
    await campaigns.search(suffix);
    await campaigns.setStatusFilter("Draft", true);
    await expect(campaigns.emptyState("No campaigns match these filters")).toBeVisible();
    await campaigns.setStatusFilter("Draft", false);
    await campaigns.setStatusFilter("Active", true);
    await expect(campaigns.row(name)).toContainText("Active");
  });

  await test.step("the owner renames it; an edit made from an older copy is refused until reloaded", async () => {
    await campaigns.row(name).getByRole("link", { name }).click();
    await campaigns.expectDetail(name);
    const detailUrl = page.url();
    // A second tab opens the same edit form, with the same version, before the first one saves.
    const other = await page.context().newPage();
    const otherCampaigns = new CampaignsPage(other);
    await other.goto(detailUrl);
    await otherCampaigns.expectDetail(name);
    await otherCampaigns.openEdit();

    await campaigns.openEdit();
    const form = campaigns.form("Edit campaign");
    await expect(form.getByLabel("Name")).toHaveValue(name);
    await expect(form.getByLabel("Starts")).toHaveValue("2027-09-01T09:00");
    await form.getByLabel("Name").fill(renamed);
    await form.getByRole("button", { name: "Save changes" }).click();
    await campaigns.expectDetail(renamed);
    await expect(campaigns.status).toHaveText("Active");

    const stale = otherCampaigns.form("Edit campaign");
    await stale.getByLabel("Description").fill("Changed from an older copy.");
    await stale.getByRole("button", { name: "Save changes" }).click();
    await expect(stale.getByRole("alert")).toContainText("Someone else changed this campaign");
    await stale.getByRole("button", { name: "Reload" }).click();
    const reloaded = otherCampaigns.form("Edit campaign");
    await expect(reloaded.getByLabel("Name")).toHaveValue(renamed);
    await reloaded.getByLabel("Description").fill("Changed after a reload.");
    await reloaded.getByRole("button", { name: "Save changes" }).click();
    await otherCampaigns.expectDetail(renamed);
    await expect(other.getByRole("region", { name: "Details" })).toContainText("Changed after a reload.");
    await other.close();
  });

  await test.step("the owner moves it to the trash and restores it", async () => {
    await page.reload();
    await campaigns.expectDetail(renamed);
    await campaigns.moveToTrash(renamed);
    await campaigns.search(suffix);
    await expect(campaigns.emptyState("No campaigns match these filters")).toBeVisible();

    await campaigns.showTrash();
    await expect(campaigns.trashRow(renamed)).toBeVisible();
    await campaigns
      .trashRow(renamed)
      .getByRole("button", { name: `Restore ${renamed}` })
      .click();
    await expect(campaigns.emptyState("No deleted campaigns match these filters")).toBeVisible();

    await campaigns.showCampaigns();
    await expect(campaigns.row(renamed)).toContainText("Active");
  });
});

test("a viewer reads campaigns but gets no control to create, edit or move them", async ({ page }) => {
  const campaigns = new CampaignsPage(page);
  const seeded = "Winter gear 2026";

  await signInAs(page, demoUsers.agencyViewer.email);
  await campaigns.open(demoAccounts.acmeOutdoor.slug);
  await expect(campaigns.row(seeded)).toBeVisible();
  await expect(campaigns.newCampaignLink).toHaveCount(0);

  await campaigns.row(seeded).getByRole("link", { name: seeded }).click();
  await campaigns.expectDetail(seeded);
  await expect(campaigns.status).toHaveText("Active");
  await expect(page.getByText("You can read this campaign")).toBeVisible();
  // The seeded campaign's content and posts are listed on its page.
  await expect(page.getByRole("table", { name: "Campaign content" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("table", { name: "Campaign posts" }).getByRole("row").nth(1)).toBeVisible();
  for (const label of ["Pause", "Complete", "Cancel campaign", `Delete ${seeded}`]) {
    await expect(page.getByRole("button", { name: label })).toHaveCount(0);
  }
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
});
