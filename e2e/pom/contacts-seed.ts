// Seeds contacts through the console's own GraphQL endpoint (the BFF), signed in as the page's
// user: the flows under test start from data, not from clicking every contact into existence.
import { expect, type Page } from "@playwright/test";

export type SeedContact = {
  email: string;
  firstName?: string;
  lastName?: string;
  tags?: string[];
  attributes?: Record<string, string | number | boolean>;
};

export async function seedContacts(page: Page, accountSlug: string, contacts: SeedContact[]): Promise<void> {
  const response = await page.request.post("/api/graphql", {
    headers: { "content-type": "application/json", "x-account-id": accountSlug },
    data: {
      query: `mutation SeedContacts($input: UpsertContactsInput!) {
        upsertContacts(input: $input) { created updated userErrors { field message } }
      }`,
      variables: { input: { contacts } },
    },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    data?: { upsertContacts: { created: number; updated: number; userErrors: unknown[] } };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  expect(body.data?.upsertContacts.userErrors).toEqual([]);
  expect((body.data?.upsertContacts.created ?? 0) + (body.data?.upsertContacts.updated ?? 0)).toBe(
    contacts.length,
  );
}
