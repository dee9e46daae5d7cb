// GraphQL as the signed-in person in the browser: through the console's /api/graphql (BFF), in
// one account. For seeding what a spec needs (contacts with consent) without clicking through it.
import { expect, type Page } from "@playwright/test";

export async function graphqlAsUser<T>(
  page: Page,
  accountSlug: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post("/api/graphql", {
    headers: { "content-type": "application/json", "x-account-id": accountSlug },
    data: { query, variables },
    failOnStatusCode: false,
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors ?? [], `GraphQL errors: ${JSON.stringify(body.errors)}`).toEqual([]);
  expect(response.status()).toBe(200);
  return body.data as T;
}

/**
 * A welcome series as a marketer would draw it: a sign-up event starts it; a welcome email; two
 * days later, those who opened it get an A/B offer test (10 % holdout), the others an SMS the next
 * weekday morning; a purchase goal; the end. Saved without positions, as an integrator's draft
 * would be: the builder lays it out.
 */
export function welcomeSeries() {
  const node = (id: string, kind: string, label: string, body: Record<string, unknown> = {}) => ({
    id,
    kind,
    label,
    ...body,
  });
  const email = (subject: string) => ({
    action: {
      type: "send_email",
      subject,
      body: "Hi {{first_name}},\n\nFresh bread every morning.",
      templateId: null,
    },
  });
  const event = (eventType: string, within: { amount: number; unit: string } | null) => ({
    check: {
      kind: "and",
      conditions: [{ kind: "event", eventType, op: "performed", within, minCount: 1, where: [] }],
    },
  });
  const edge = (source: string, target: string, sourceHandle: string | null = null) => ({
    id: `${source}.${sourceHandle ?? "next"}`,
    source,
    target,
    sourceHandle,
  });
  return {
    nodes: [
      node("trigger", "trigger", "New sign-up", { trigger: { type: "event", eventType: "signed_up" } }),
      node("welcome", "action", "Welcome email", email("Welcome to Blue Bottle, {{first_name}}!")),
      node("wait-2d", "wait", "", { wait: { type: "duration", duration: { amount: 2, unit: "days" } } }),
      node(
        "opened",
        "condition",
        "Opened the welcome email?",
        event("email_opened", { amount: 3, unit: "days" }),
      ),
      node("offer-test", "split", "Offer test", {
        branches: [
          { key: "a", label: "Croissants", percent: 45 },
          { key: "b", label: "Coffee", percent: 45 },
        ],
        holdoutPercent: 10,
      }),
      node("offer-a", "action", "10% off croissants", email("10% off croissants this week")),
      node("offer-b", "action", "Free coffee with a loaf", email("A free coffee with any loaf")),
      node("morning", "wait", "Next weekday morning", {
        wait: { type: "until_time", time: "09:00", weekdays: [1, 2, 3, 4, 5] },
      }),
      node("reminder", "action", "Reminder SMS", {
        action: { type: "send_sms", text: "Your welcome treat is waiting at Blue Bottle, {{first_name}}!" },
      }),
      node("ordered", "goal", "Placed an order", event("order_placed", null)),
      node("end", "exit", "End"),
    ],
    edges: [
      edge("trigger", "welcome"),
      edge("welcome", "wait-2d"),
      edge("wait-2d", "opened"),
      edge("opened", "offer-test", "yes"),
      edge("opened", "morning", "no"),
      edge("offer-test", "offer-a", "a"),
      edge("offer-test", "offer-b", "b"),
      edge("morning", "reminder"),
      edge("offer-a", "ordered"),
      edge("offer-b", "ordered"),
      edge("reminder", "ordered"),
      edge("ordered", "end"),
    ],
    settings: {
      reEntry: { mode: "never" },
      frequencyCap: { maxMessages: 3, periodHours: 24 },
      // No quiet hours: they would hold the welcome email at night, and the spec runs at any hour.
      quietHours: null,
      exitCriteria: null,
    },
  };
}
