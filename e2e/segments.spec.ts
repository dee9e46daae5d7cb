// Segments in the console: an owner draws a two-condition segment in the visual builder, watches
// the live count narrow as conditions are added (and a half-filled row named as the problem), saves
// it, and sees its member count and members. The contacts are seeded with a per-run tag, so the
// counts do not depend on other specs' data.
import { expect, test } from "@playwright/test";
import { seedContacts } from "./pom/contacts-seed.ts";
import { SegmentsPage } from "./pom/segments-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

test("an owner builds a two-condition segment, watches the live count change, saves it and sees its members", async ({
  page,
}) => {
  const segments = new SegmentsPage(page);
  const suffix = uniqueSuffix();
  const tag = `seg-${suffix}`;
  const name = `Pro bakers ${suffix}`;
  const account = demoAccounts.blueBottle.slug;

  await signInAs(page, demoUsers.businessOwner.email);
  await seedContacts(page, account, [
    {
      email: `rye.${suffix}@example.com`,
      firstName: "Rye",
      lastName: suffix,
      tags: [tag],
      attributes: { plan: `pro-${suffix}` },
    },
    {
      email: `spelt.${suffix}@example.com`,
      firstName: "Spelt",
      lastName: suffix,
      tags: [tag],
      attributes: { plan: `pro-${suffix}` },
    },
    {
      email: `oat.${suffix}@example.com`,
      firstName: "Oat",
      lastName: suffix,
      tags: [tag],
      attributes: { plan: "free" },
    },
  ]);

  const form = await test.step("the first condition (a tag) counts the three tagged contacts", async () => {
    await segments.open(account);
    const form = await segments.startNew();
    await form.getByLabel("Name").fill(name);
    await expect(page.getByText("Add a condition to see who matches.")).toBeVisible();
    const first = await segments.addCondition(form, 1);
    await first.getByLabel("Condition type").selectOption({ label: "Tag" });
    await first.getByLabel("Tag").fill(tag);
    await expect(segments.liveCount).toHaveText("3");
    return form;
  });

  await test.step("a half-filled second condition is named as the problem, then narrows the count", async () => {
    const second = await segments.addCondition(form, 2);
    // A new attribute row has no key yet: the API names that row, and the count waits for it.
    await expect(second.getByTestId("condition-problems")).toBeVisible();
    await expect(segments.condition(form, "1").getByTestId("condition-problems")).toHaveCount(0);
    await second.getByLabel("Attribute key").fill("plan");
    await second.getByLabel("Operator").selectOption({ label: "is" });
    await second.getByLabel("Value", { exact: true }).fill(`pro-${suffix}`);
    await expect(second.getByTestId("condition-problems")).toHaveCount(0);
    await expect(segments.liveCount).toHaveText("2");
    const sample = page.getByRole("list", { name: "Matching contacts" });
    await expect(sample.getByRole("listitem")).toHaveCount(2);
    await expect(sample).toContainText(`Rye ${suffix}`);
    await expect(sample).not.toContainText(`Oat ${suffix}`);

    // Any (OR) instead of all (AND) widens it back to the three (the plan is unique to this run).
    await form.getByRole("radio", { name: "any (OR)" }).first().check();
    await expect(segments.liveCount).toHaveText("3");
    await form.getByRole("radio", { name: "all (AND)" }).first().check();
    await expect(segments.liveCount).toHaveText("2");
  });

  await test.step("saved, the segment shows its two members", async () => {
    await form.getByRole("button", { name: "Create segment" }).click();
    await segments.expectDetail(name);
    await expect(segments.memberCount).toHaveText("2 members");
    await expect(segments.members.getByRole("row")).toHaveCount(3); // header + two members
    await expect(segments.members).toContainText(`spelt.${suffix}@example.com`);
    // The editor reloads the saved tree: both rows are there.
    const saved = segments.form("Edit segment");
    await expect(segments.condition(saved, "1").getByLabel("Tag")).toHaveValue(tag);
    await expect(segments.condition(saved, "2").getByLabel("Attribute key")).toHaveValue("plan");
  });

  await test.step("an edit saved with its version recalculates the members", async () => {
    const saved = segments.form("Edit segment");
    await segments.condition(saved, "2").getByLabel("Operator").selectOption({ label: "is not" });
    await expect(segments.liveCount).toHaveText("1");
    await saved.getByRole("button", { name: "Save segment" }).click();
    await expect(saved.getByRole("status")).toHaveText("Saved: 1 member.");
    await expect(segments.memberCount).toHaveText("1 member");
    await expect(segments.members).toContainText(`oat.${suffix}@example.com`);
  });

  await test.step("the list shows it with its kind and member count", async () => {
    await page.getByRole("link", { name: "← All segments" }).click();
    await expect(segments.row(name)).toContainText("Dynamic");
    await expect(segments.row(name).getByRole("cell").nth(2)).toHaveText("1");
  });
});
