// The campaign editor's model: form values (objectives one per line, tags comma-separated, dates
// as wall-clock times in the campaign's zone, money in major units), their rules (the API's, so
// most mistakes show before saving), and the fields a save sends.
import { z } from "zod";
import { isTimeZone, utcToZoned, zonedToUtc } from "@/components/campaigns/zoned-time";
import { fromMinorUnits, isCurrencyCode, toMinorUnits } from "@/lib/billing/money";
import { commaList } from "@/lib/forms/comma-list";
import { CAMPAIGN_TYPES, type CampaignDetail } from "./campaign-model";

/** Currencies offered for a money budget; a campaign saved with another keeps it listed. */
export const BUDGET_CURRENCIES = [
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CAD",
  "AUD",
  "JPY",
];

/** "a\n\n b " → ["a", "b"]. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export const CampaignFormInput = z
  .object({
    name: z.string().trim().min(1, "Name the campaign.").max(160, "At most 160 characters."),
    description: z.string().trim().max(5_000, "At most 5000 characters."),
    type: z.enum(CAMPAIGN_TYPES, "Choose a type."),
    objectives: z.string(),
    budgetTokens: z.string().trim(),
    budgetAmount: z.string().trim(),
    budgetCurrency: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string().refine(isTimeZone, "Choose a time zone."),
    tags: z.string(),
  })
  .superRefine((values, issue) => {
    const problem = (path: string, message: string) =>
      issue.addIssue({ code: "custom", path: [path], message });
    const objectives = lines(values.objectives);
    if (objectives.length > 10) problem("objectives", "At most 10 objectives.");
    if (objectives.some((objective) => objective.length > 200)) {
      problem("objectives", "Each objective has at most 200 characters.");
    }
    const tags = commaList(values.tags);
    if (tags.length > 20) problem("tags", "At most 20 tags.");
    if (tags.some((tag) => tag.length > 40)) problem("tags", "Each tag has at most 40 characters.");
    if (values.budgetTokens !== "") {
      if (!/^\d+$/.test(values.budgetTokens) || !Number.isSafeInteger(Number(values.budgetTokens))) {
        problem("budgetTokens", "Enter a whole number of tokens.");
      }
    }
    if (values.budgetAmount !== "" && values.budgetCurrency === "") {
      problem("budgetCurrency", "Say the currency of the budget.");
    }
    if (values.budgetAmount === "" && values.budgetCurrency !== "") {
      problem("budgetAmount", "Enter the budget for this currency.");
    }
    if (values.budgetAmount !== "" && isCurrencyCode(values.budgetCurrency)) {
      if (toMinorUnits(values.budgetAmount, values.budgetCurrency) === null) {
        problem("budgetAmount", "Enter an amount such as 1500.00.");
      }
    }
    const starts = values.startsAt ? zonedToUtc(values.startsAt, values.timeZone) : null;
    const ends = values.endsAt ? zonedToUtc(values.endsAt, values.timeZone) : null;
    if (values.startsAt && !starts && isTimeZone(values.timeZone))
      problem("startsAt", "Enter a date and time.");
    if (values.endsAt && !ends && isTimeZone(values.timeZone)) problem("endsAt", "Enter a date and time.");
    if (starts && ends && starts >= ends) problem("endsAt", "The campaign must end after it starts.");
  });
export type CampaignFormInput = z.infer<typeof CampaignFormInput>;

export const FORM_FIELDS = [
  "name",
  "description",
  "type",
  "objectives",
  "budgetTokens",
  "budgetAmount",
  "budgetCurrency",
  "startsAt",
  "endsAt",
  "timeZone",
  "tags",
] as const satisfies readonly (keyof CampaignFormInput)[];
export type FormFieldName = (typeof FORM_FIELDS)[number];

export function emptyFormValues(timeZone: string): CampaignFormInput {
  return {
    name: "",
    description: "",
    type: "SOCIAL",
    objectives: "",
    budgetTokens: "",
    budgetAmount: "",
    budgetCurrency: "",
    startsAt: "",
    endsAt: "",
    timeZone,
    tags: "",
  };
}

export function toFormValues(campaign: CampaignDetail): CampaignFormInput {
  const zone = campaign.timeZone;
  return {
    name: campaign.name,
    description: campaign.description,
    type: campaign.type,
    objectives: campaign.objectives.join("\n"),
    budgetTokens: campaign.budgetTokens === null ? "" : String(campaign.budgetTokens),
    budgetAmount:
      campaign.budgetMinor === null || !campaign.budgetCurrency
        ? ""
        : fromMinorUnits(campaign.budgetMinor, campaign.budgetCurrency),
    budgetCurrency: campaign.budgetCurrency ?? "",
    startsAt: campaign.startsAt ? utcToZoned(campaign.startsAt, zone) : "",
    endsAt: campaign.endsAt ? utcToZoned(campaign.endsAt, zone) : "",
    timeZone: zone,
    tags: campaign.tags.join(", "),
  };
}

/** Every field in the API's shape (CampaignFieldsInput); empty optional ones are null. */
export function toCampaignFields(values: CampaignFormInput) {
  const currency = values.budgetCurrency || null;
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    type: values.type,
    objectives: lines(values.objectives),
    budgetTokens: values.budgetTokens === "" ? null : Number(values.budgetTokens),
    budgetMinor: values.budgetAmount === "" || !currency ? null : toMinorUnits(values.budgetAmount, currency),
    budgetCurrency: currency,
    startsAt: values.startsAt ? zonedToUtc(values.startsAt, values.timeZone) : null,
    endsAt: values.endsAt ? zonedToUtc(values.endsAt, values.timeZone) : null,
    timeZone: values.timeZone,
    tags: commaList(values.tags),
  };
}
export type CampaignFields = ReturnType<typeof toCampaignFields>;

/** Only the fields that differ from what was loaded: a save leaves the others as they are. */
export function changedFields(loaded: CampaignFormInput, values: CampaignFormInput): Partial<CampaignFields> {
  const before = toCampaignFields(loaded);
  const after = toCampaignFields(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CampaignFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<CampaignFields>;
}

/** The API's field names that the form edits under another name. */
const API_TO_FORM: Record<string, FormFieldName> = { budgetMinor: "budgetAmount" };

/**
 * The form field a userError's path names: "changes.tags.3" → "tags", "budgetMinor" →
 * "budgetAmount"; null for paths that are no field ("version", "id", none).
 */
export function formFieldOf(path: string | null): FormFieldName | null {
  if (!path) return null;
  const parts = path.split(".").filter((part) => part !== "input" && part !== "fields" && part !== "changes");
  const first = parts[0];
  if (!first) return null;
  const name = API_TO_FORM[first] ?? first;
  return (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormFieldName) : null;
}
