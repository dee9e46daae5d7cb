// Workflows in the console: an owner writes a three-step workflow whose middle step waits for an
// approval, activates it and starts it with an input; the worker runs the first step and the
// instance waits. A viewer sees the instance waiting but no way to decide; the owner approves on
// the instance page and watches the rest run to completion. Names carry a per-run suffix.
import { expect, test } from "@playwright/test";
import { approvalWorkflow } from "./pom/workflows-api.ts";
import { WorkflowsPage } from "./pom/workflows-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";
import { uniqueSuffix } from "./support/unique.ts";

// Acme Outdoor: Olivia (the agency's owner) acts in it, and Victor is its viewer.
const account = demoAccounts.acmeOutdoor.slug;

test("an owner starts a workflow with an approval step, approves it on the instance page and sees it complete", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const workflows = new WorkflowsPage(page);
  const suffix = uniqueSuffix();
  const name = `Offer approval ${suffix}`;
  const correlationId = `order-${suffix}`;
  let instanceUrl = "";

  await test.step("the owner writes the workflow: a draft without problems, drawn as three steps", async () => {
    await signInAs(page, demoUsers.agencyOwner.email);
    await workflows.open(account);
    await workflows.create(name, approvalWorkflow());
    await expect(workflows.definitionStatus).toHaveText("Draft");
    await expect(page.getByTestId("workflow-no-problems")).toBeVisible();
    for (const step of ["Prepare the offer", "Manager approval", "Shape the result"])
      await expect(workflows.graphStep(step)).toBeVisible();
  });

  await test.step("activated, it is started with an input and a high priority", async () => {
    await workflows.button("Activate").click();
    await expect(workflows.definitionStatus).toHaveText("Active");
    await workflows.start({ customer: "Ada" }, { priority: "High", correlationId });
    instanceUrl = page.url();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  });

  await test.step("the worker prepares the offer, then the instance waits for the approval", async () => {
    await expect(workflows.stepState("prepare")).toHaveText("Completed", { timeout: 45_000 });
    await expect(workflows.stepState("approve")).toHaveText("Waiting for approval", { timeout: 45_000 });
    await expect(workflows.stepState("finish")).toHaveText("Pending");
    await expect(workflows.instanceStatus).toHaveText("Running");
    await expect(workflows.approvals).toContainText("Send this offer?");
  });

  await test.step("a viewer sees the instance waiting, without the buttons to decide or cancel", async () => {
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    try {
      await signInAs(viewer, demoUsers.agencyViewer.email);
      await viewer.goto(instanceUrl);
      const viewerPage = new WorkflowsPage(viewer);
      await expect(viewerPage.approvals).toContainText("Owners, admins and members decide approvals.");
      await expect(viewer.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
      await expect(viewer.getByRole("button", { name: "Cancel instance" })).toHaveCount(0);
    } finally {
      await viewerContext.close();
    }
  });

  await test.step("the owner approves; the last step runs and the instance completes", async () => {
    await workflows.approvals.getByLabel("Comment on Manager approval (optional)").fill("Go ahead.");
    await workflows.approvals.getByRole("button", { name: "Approve Manager approval" }).click();
    await expect(workflows.instanceStatus).toHaveText("Completed", { timeout: 45_000 });
    await expect(workflows.approvals).toHaveCount(0);
    for (const step of ["prepare", "approve", "finish"])
      await expect(workflows.stepState(step)).toHaveText("Completed");
    await expect(page.getByTestId("instance-progress")).toHaveText("100%");
    await expect(page.getByRole("table", { name: "Variables" })).toContainText("10% off for Ada");
  });

  await test.step("the instances list finds it by its correlation id, completed", async () => {
    await page.getByRole("link", { name: "← All instances" }).click();
    await page
      .getByRole("search", { name: "Filter instances" })
      .getByLabel("Correlation id")
      .fill(correlationId);
    const rows = page.getByRole("table", { name: "Workflow instances" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Completed");
    await expect(rows.nth(1)).toContainText(name);
    await expect(rows.nth(1)).toContainText("High");
  });
});
