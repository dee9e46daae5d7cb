// A demo journey for Acme Outdoor, published and active so the builder opens on something real:
// a shipped order starts it; a thank-you e-mail; two days later those who opened it get an A/B review
// request (10 % holdout), the others a reminder the next weekday at 09:00 in their own time zone;
// the end. The definition must pass the domain's zod schema and validation (a test enrols into it).
import { sql as dsql } from "drizzle-orm";
import { uuidv7 } from "./schema/columns.ts";
import * as schema from "./schema/index.ts";
import type { SeedTx } from "./seed.ts";

const email = (subject: string, body: string) => ({
  action: { type: "send_email", subject, body, templateId: null },
});
const edge = (source: string, target: string, sourceHandle: string | null = null) => ({
  id: `${source}.${sourceHandle ?? "next"}`,
  source,
  target,
  sourceHandle,
});

export const demoJourneyDefinition = {
  nodes: [
    {
      id: "trigger",
      kind: "trigger",
      label: "Order shipped",
      trigger: { type: "event", eventType: "order_shipped" },
    },
    {
      id: "thanks",
      kind: "action",
      label: "Thank-you e-mail",
      ...email("Thanks for your order, {{first_name}}", "Hi {{first_name}},\n\nYour gear is on its way."),
    },
    {
      id: "wait-2d",
      kind: "wait",
      label: "Two days",
      wait: { type: "duration", duration: { amount: 2, unit: "days" } },
    },
    {
      id: "opened",
      kind: "condition",
      label: "Opened it?",
      check: {
        kind: "event",
        eventType: "email_opened",
        op: "performed",
        within: { amount: 3, unit: "days" },
        minCount: 1,
        where: [],
      },
    },
    {
      id: "review-test",
      kind: "split",
      label: "Review request test",
      branches: [
        { key: "a", label: "Short ask", percent: 45 },
        { key: "b", label: "With a discount", percent: 45 },
      ],
      holdoutPercent: 10,
    },
    {
      id: "review-a",
      kind: "action",
      label: "Review request",
      ...email("How is your new gear?", "Tell us in one click."),
    },
    {
      id: "review-b",
      kind: "action",
      label: "Review + 10 % off",
      ...email("Review your gear, get 10 % off", "Leave a review and take 10 % off your next trip."),
    },
    {
      id: "morning",
      kind: "wait",
      label: "Next weekday 09:00",
      wait: { type: "until_time", time: "09:00", weekdays: [1, 2, 3, 4, 5] },
    },
    {
      id: "reminder",
      kind: "action",
      label: "Reminder",
      ...email("Your order, {{first_name}}", "Anything we can help with?"),
    },
    { id: "end", kind: "exit", label: "End" },
  ],
  edges: [
    edge("trigger", "thanks"),
    edge("thanks", "wait-2d"),
    edge("wait-2d", "opened"),
    edge("opened", "review-test", "yes"),
    edge("opened", "morning", "no"),
    edge("review-test", "review-a", "a"),
    edge("review-test", "review-b", "b"),
    edge("morning", "reminder"),
    edge("review-a", "end"),
    edge("review-b", "end"),
    edge("reminder", "end"),
  ],
  settings: {
    reEntry: { mode: "after", days: 30 },
    frequencyCap: { maxMessages: 3, periodHours: 24 },
    quietHours: { start: "21:00", end: "08:00" },
    exitCriteria: null,
  },
};

/** Adds the demo journey to Acme Outdoor unless it has journeys already. */
export async function seedJourney(tx: SeedTx, acme: string, createdBy: string | null): Promise<void> {
  const existing = await tx.execute(dsql`select 1 from journeys where account_id = ${acme} limit 1`);
  if (existing.length > 0) return;
  const journeyId = uuidv7();
  await tx.insert(schema.journeys).values({
    id: journeyId,
    accountId: acme,
    name: "Post-purchase follow-up",
    description: "Thanks every buyer, then asks for a review (A/B) or sends a weekday reminder.",
    status: "active",
    draft: demoJourneyDefinition,
    publishedVersion: 1,
    activatedAt: new Date(),
    createdBy,
  });
  await tx.insert(schema.journeyVersions).values({
    accountId: acme,
    journeyId,
    number: 1,
    definition: demoJourneyDefinition,
    publishedBy: createdBy,
  });
}
