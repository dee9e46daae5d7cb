// The brand profile in the console: an owner edits it, sees the new version and what changed, and
// restores the earlier version. The test reads the version and values it starts from, so it passes
// in any order and on any earlier data.
import { expect, test } from "@playwright/test";
import { BrandPage } from "./pom/brand-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

test("an owner edits the mission and a keyword, sees the new version and its diff, then restores the earlier version", async ({
  page,
}) => {
  const brand = new BrandPage(page);
  const suffix = uniqueSuffix();
  const newMission = `Bake bread people remember (e2e ${suffix}).`;
  const newKeyword = `e2e-sourdough-${suffix}`;
  let start = 0;
  let oldMission = "";

  await test.step("the owner opens Brand DNA and reads where it starts", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await brand.open(demoAccounts.blueBottle.slug);
    start = await brand.currentVersion();
    oldMission = await brand.mission.inputValue();
  });

  await test.step("the owner changes the mission and adds a keyword; the preview follows and the save makes a new version", async () => {
    await brand.mission.fill(newMission);
    await expect(brand.preview).toContainText(newMission);
    const keywords = await brand.keywordList();
    await brand.keywords.fill([...keywords, newKeyword].join("\n"));
    await brand.save();
    await expect(brand.form.getByRole("status")).toHaveText(`Brand DNA saved as version ${start + 1}.`);
    await expect(brand.versions.getByRole("listitem").first()).toContainText(`Version ${start + 1}`);
    await expect(brand.version(start + 1)).toContainText("Current");
    await expect(brand.version(start + 1)).not.toContainText("restored from");
  });

  await test.step("the diff between the two versions shows the mission and the added keyword", async () => {
    await brand.compare(start, start + 1);
    const mission = brand.differences.getByRole("row", { name: /^Mission/ });
    await expect(mission).toContainText(newMission);
    const keywords = brand.differences.getByRole("row", { name: /^Keywords/ });
    await expect(keywords).toContainText(`Added: ${newKeyword}`);
  });

  await test.step("restoring the earlier version brings its mission back as a new version", async () => {
    await brand.restore(start);
    await expect(brand.version(start + 2)).toContainText(`restored from v${start}`);
    await expect(brand.version(start + 2)).toContainText("Current");
    await expect(brand.mission).toHaveValue(oldMission);
    await expect(brand.keywords).not.toHaveValue(new RegExp(newKeyword));
  });
});
