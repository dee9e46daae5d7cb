// Identity flows a person walks in the console: sign-in, switching accounts, sub-accounts,
// invitations and API keys (checked against the API itself, as an integrator would use the key).
import { expect, test } from "@playwright/test";
import { ApiKeysPage } from "./pom/api-keys-page.ts";
import { ConsoleFrame } from "./pom/console-frame.ts";
import { InvitationPage } from "./pom/invitation-page.ts";
import { LoginPage } from "./pom/login-page.ts";
import { MembersPage } from "./pom/members-page.ts";
import { SubAccountsPage } from "./pom/sub-accounts-page.ts";
import { graphqlWithApiKey } from "./support/api-client.ts";
import { DEMO_PASSWORD, demoAccounts, demoUsers } from "./support/demo-users.ts";
import { WEB_URL } from "./support/environment.ts";
import { uniqueSuffix } from "./support/unique.ts";

test("an agency owner switches accounts, creates a sub-account, invites a member and manages an API key", async ({
  browser,
  page,
  request,
}) => {
  const run = uniqueSuffix();
  const frame = new ConsoleFrame(page);

  await test.step("sign in lands on the agency", async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoUsers.agencyOwner.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(`${WEB_URL}/${demoAccounts.agency.slug}`);
    await frame.expectAccount(demoAccounts.agency.name);
  });

  await test.step("switch into a sub-account and back", async () => {
    await frame.switchAccount(demoAccounts.acmeOutdoor.name);
    await expect(page).toHaveURL(`${WEB_URL}/${demoAccounts.acmeOutdoor.slug}`);
    await frame.expectAccount(demoAccounts.acmeOutdoor.name);
    await frame.switchAccount(demoAccounts.agency.name);
    await expect(page).toHaveURL(`${WEB_URL}/${demoAccounts.agency.slug}`);
    await frame.expectAccount(demoAccounts.agency.name);
  });

  await test.step("create a sub-account and see it listed", async () => {
    await frame.open("Sub-accounts");
    const subAccounts = new SubAccountsPage(page);
    const name = `E2E Client ${run}`;
    const slug = await subAccounts.create(name);
    expect(slug).toBe(`e2e-client-${run}`);
    await expect(subAccounts.row(name)).toContainText(slug);
    await expect(subAccounts.row(name)).toContainText("Active");
  });

  await test.step("invite a member and see the pending invitation and its link", async () => {
    await frame.open("Members");
    const members = new MembersPage(page);
    const email = `invitee-${run}@example.test`;
    const link = await members.invite(email, "Member");
    expect(link).toMatch(new RegExp(`^${WEB_URL}/invite/[^/]+$`));
    await expect(members.pendingInvitation(email)).toContainText("Member");

    // The invitee opens the link in their own browser, creates their user and lands in the agency.
    const invitee = await browser.newContext();
    try {
      const inviteePage = await invitee.newPage();
      await new InvitationPage(inviteePage).acceptAsNewUser(link, `Invitee ${run}`, "a-long-enough-password");
      await expect(inviteePage).toHaveURL(`${WEB_URL}/${demoAccounts.agency.slug}`);
      await new ConsoleFrame(inviteePage).expectAccount(demoAccounts.agency.name);
    } finally {
      await invitee.close();
    }
    await page.reload();
    await expect(page.getByRole("table", { name: "Members" })).toContainText(email);
    await members.expectInvitationsLoaded();
    await expect(members.pendingInvitation(email)).toHaveCount(0);
  });

  await test.step("create an API key, use it, revoke it, and see it refused", async () => {
    await frame.open("API keys");
    const apiKeys = new ApiKeysPage(page);
    const name = `E2E key ${run}`;
    const secret = await apiKeys.create(name, ["identity:read"]);
    expect(secret).toMatch(/^mk_/);

    const accepted = await graphqlWithApiKey(request, secret, "{ account { name } }");
    expect(accepted.status).toBe(200);
    expect(accepted.body?.errors).toBeUndefined();
    expect(accepted.body?.data).toEqual({ account: { name: demoAccounts.agency.name } });

    await page.getByRole("button", { name: "I've stored it" }).click();
    await expect(apiKeys.row(name)).toContainText("Active");
    await apiKeys.revoke(name);
    await expect(apiKeys.row(name)).toContainText("Revoked");

    const refused = await graphqlWithApiKey(request, secret, "{ account { name } }");
    expect(refused.status).toBe(401);
  });
});

test("a wrong password shows the API's error and stays on the login page", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  // Not the agency owner: failed attempts count towards a lockout.
  await login.signIn(demoUsers.agencyViewer.email, "not-the-password");
  await expect(login.error).toContainText("password is not correct");
  await expect(page).toHaveURL(/\/login/);
});
