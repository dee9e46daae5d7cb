// The operators' Database health page: the platform admin finds it in the admin area and sees the
// e2e database healthy, with its check cards, tables and when the report was made; a tenant owner
// reaches neither the page nor the report behind it.
import { expect, test } from "@playwright/test";
import { HealthPage } from "./pom/health-page.ts";
import { demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";

test("the platform admin opens Database health and sees the database healthy, its checks and tables", async ({
  page,
}) => {
  const health = new HealthPage(page);
  await signInAs(page, demoUsers.platformAdmin.email);
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Database health" })
    .click();
  await expect(health.heading).toBeVisible();
  await health.waitForReport();

  // Say which checks are to blame when the banner is not green, rather than only that it is not.
  const nonPassing = await health.nonPassingChecks();
  await expect(health.overallStatus, `checks not passing: ${nonPassing.join(" | ") || "none"}`).toHaveText(
    "Healthy",
  );
  await expect(health.banner).toContainText(/All \d+ checks pass\./);
  await expect(health.check("Connectivity")).toContainText("Pass");
  await expect(health.check("Connections")).toContainText("Pass");
  await expect(health.check("Connections")).toContainText("warn ≥ 70% · fail ≥ 90%");
  await expect(health.lastUpdated).toBeVisible();

  await health.showAll("Tables");
  await expect(health.tableRow("public.users")).toBeVisible();
  await expect(health.tableRow("public.accounts")).toBeVisible();
  await health.sortBy(health.tables, "Table");
  await expect(health.columnHeader(health.tables, "Table")).toHaveAttribute("aria-sort", "ascending");
  await expect(health.columnHeader(health.tables, "Size")).toHaveAttribute("aria-sort", "none");
});

test("a tenant owner who opens Database health is told it is for platform admins and gets no report", async ({
  page,
}) => {
  const health = new HealthPage(page);
  await signInAs(page, demoUsers.agencyOwner.email);
  await page.goto("/admin/health");
  await expect(page.getByRole("heading", { name: "Platform admins only" })).toBeVisible();
  await expect(health.heading).toHaveCount(0);
  await expect(health.banner).toHaveCount(0);

  // Nor does the API hand the report to the owner's session.
  const response = await page.request.post("/api/graphql", {
    headers: { "content-type": "application/json" },
    data: { query: "{ databaseHealth { status } }" },
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(body.data ?? null).toBeNull();
});
