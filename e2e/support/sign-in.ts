// Signs a demo user in through the login page (each person in a spec gets their own browser context).
import { expect, type Page } from "@playwright/test";
import { LoginPage } from "../pom/login-page.ts";
import { DEMO_PASSWORD } from "./demo-users.ts";

export async function signInAs(page: Page, email: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
}
