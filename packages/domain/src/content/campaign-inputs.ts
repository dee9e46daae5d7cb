// What a campaign may contain; shared by create and update.
import { z } from "zod";
import { TimeZone } from "../identity/inputs.ts";

const List = (max: number, itemMax: number) =>
  z
    .array(z.string().trim().min(1, "Entries cannot be empty.").max(itemMax))
    .max(max, `At most ${max} entries.`)
    .transform((items) => [...new Set(items)]);

export const CampaignFields = z.object({
  name: z.string().trim().min(1, "Name the campaign.").max(160),
  description: z.string().trim().max(5_000),
  type: z.enum(["broadcast", "journey", "recurring", "social"]),
  objectives: List(10, 200),
  budgetTokens: z
    .number()
    .int()
    .min(0, "A budget cannot be negative.")
    .max(Number.MAX_SAFE_INTEGER)
    .nullable(),
  budgetMinor: z.number().int().min(0, "A budget cannot be negative.").max(2_147_483_647).nullable(),
  budgetCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, "Use an ISO currency such as EUR.")
    .nullable(),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  timeZone: TimeZone,
  tags: List(20, 40),
  metadata: z.record(z.string(), z.unknown()),
});
export type CampaignFields = z.output<typeof CampaignFields>;

/** Rules across fields, on the campaign as it will be. */
export function campaignProblems(c: Partial<CampaignFields>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (c.startsAt && c.endsAt && c.startsAt >= c.endsAt) {
    problems.push({ field: "endsAt", message: "The campaign must end after it starts." });
  }
  if ((c.budgetMinor ?? null) !== null && !c.budgetCurrency) {
    problems.push({ field: "budgetCurrency", message: "Say the currency of the budget." });
  }
  if ((c.budgetMinor ?? null) === null && c.budgetCurrency) {
    problems.push({ field: "budgetMinor", message: "Enter the budget for this currency." });
  }
  return problems;
}
