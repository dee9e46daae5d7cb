// The editor's model of the brand profile: form values (lists as one entry per line), their
// rules (the API's, so most mistakes show before saving), and the changes a save sends.
import { z } from "zod";
import { commaList } from "@/lib/forms/comma-list";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { BrandDnaQuery } from "./brand-operations";

export type BrandDna = ResultOf<typeof BrandDnaQuery>["brandDna"];

/** Everyone reads the brand DNA; owners, admins and members edit and restore it (brand:write). */
export function canEditBrand(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}

const HEX = /^#[0-9a-fA-F]{6}$/;

export const BrandFormInput = z.object({
  brandName: z.string().trim().max(120, "At most 120 characters."),
  mission: z.string().trim().max(2_000, "At most 2000 characters."),
  toneFormality: z.number().int().min(0).max(100),
  toneAdjectives: z.string(),
  audience: z.string().trim().max(2_000, "At most 2000 characters."),
  values: z.string(),
  keyMessages: z.string(),
  keywords: z.string(),
  wordsToAvoid: z.string(),
  palette: z
    .array(
      z.object({
        name: z.string().trim().min(1, "Name the colour.").max(40, "At most 40 characters."),
        hex: z.string().trim().regex(HEX, "Use a hex colour such as #1A2B3C."),
      }),
    )
    .max(12, "At most 12 colours."),
  fonts: z.object({
    heading: z.string().trim().max(80, "At most 80 characters."),
    body: z.string().trim().max(80, "At most 80 characters."),
  }),
  languages: z.string(),
});
export type BrandFormInput = z.infer<typeof BrandFormInput>;

/** The list fields edited as one entry per line. */
export const LINE_LIST_FIELDS = [
  "values",
  "keyMessages",
  "keywords",
  "wordsToAvoid",
  "toneAdjectives",
] as const;

/** "a\n\n b " → ["a", "b"]. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function toFormValues(brand: BrandDna): BrandFormInput {
  return {
    brandName: brand.brandName,
    mission: brand.mission,
    toneFormality: brand.toneFormality,
    toneAdjectives: brand.toneAdjectives.join("\n"),
    audience: brand.audience,
    values: brand.values.join("\n"),
    keyMessages: brand.keyMessages.join("\n"),
    keywords: brand.keywords.join("\n"),
    wordsToAvoid: brand.wordsToAvoid.join("\n"),
    palette: brand.palette.map(({ name, hex }) => ({ name, hex })),
    fonts: { heading: brand.fonts.heading, body: brand.fonts.body },
    languages: brand.languages.join(", "),
  };
}

/** The profile fields the form edits, in the API's shape. */
function toProfile(values: BrandFormInput) {
  return {
    brandName: values.brandName.trim(),
    mission: values.mission.trim(),
    toneFormality: values.toneFormality,
    toneAdjectives: lines(values.toneAdjectives),
    audience: values.audience.trim(),
    values: lines(values.values),
    keyMessages: lines(values.keyMessages),
    keywords: lines(values.keywords),
    wordsToAvoid: lines(values.wordsToAvoid),
    palette: values.palette.map((color) => ({
      name: color.name.trim(),
      hex: color.hex.trim().toUpperCase(),
    })),
    fonts: { heading: values.fonts.heading.trim(), body: values.fonts.body.trim() },
    languages: commaList(values.languages),
  };
}
export type BrandChanges = Partial<ReturnType<typeof toProfile>>;

/** Only the fields that differ from what was loaded: a save leaves the others as they are. */
export function changedFields(loaded: BrandFormInput, values: BrandFormInput): BrandChanges {
  const before = toProfile(loaded);
  const after = toProfile(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as BrandChanges;
}

export const FIELD_LABELS: Record<string, string> = {
  brandName: "Brand name",
  mission: "Mission",
  values: "Values",
  toneFormality: "Tone formality",
  toneAdjectives: "Tone adjectives",
  audience: "Audience",
  personas: "Personas",
  keyMessages: "Key messages",
  keywords: "Keywords",
  wordsToAvoid: "Words to avoid",
  palette: "Palette",
  fonts: "Fonts",
  examplePosts: "Example posts",
  languages: "Languages",
};

/**
 * The form field a userError's path names: "changes.palette.0.hex" → "palette.0.hex",
 * "changes.keywords.3" → "keywords" (a list edited in one textarea); null when none fits.
 */
export function formFieldOf(path: string | null, values: BrandFormInput): string | null {
  if (!path) return null;
  const parts = path.split(".");
  const start = parts.indexOf("changes");
  const rest = start >= 0 ? parts.slice(start + 1) : parts.filter((part) => part !== "input");
  const known = new Set<string>([
    "brandName",
    "mission",
    "toneFormality",
    "audience",
    "fonts.heading",
    "fonts.body",
    "languages",
    "palette",
    ...LINE_LIST_FIELDS,
    ...values.palette.flatMap((_, i) => [`palette.${i}.name`, `palette.${i}.hex`]),
  ]);
  for (let length = rest.length; length > 0; length--) {
    const candidate = rest.slice(0, length).join(".");
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** A CSS font-family for a font name someone typed, with a generic fallback. */
export function fontStack(name: string, fallback: "serif" | "sans-serif"): string {
  const clean = name.replace(/["\\;{}]/g, "").trim();
  return clean ? `"${clean}", ${fallback}` : fallback;
}
