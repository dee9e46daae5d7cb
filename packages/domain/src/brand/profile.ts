// The brand profile's fields and their rules: what an edit may contain, what a version snapshot
// stores (the same keys as app.brand_dna_snapshot in drizzle/…_brand_dna_rls).
import type { schema } from "@markettina/db";
import { z } from "zod";

const Line = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const List = (item: z.ZodString, max: number) =>
  z
    .array(item.min(1, "Entries cannot be empty."))
    .max(max, `At most ${max} entries.`)
    // Case-insensitive duplicates are one entry: keep the first spelling.
    .transform((items) =>
      items.filter((v, i) => items.findIndex((w) => w.toLowerCase() === v.toLowerCase()) === i),
    );

export const BrandProfile = z.object({
  brandName: Line(120),
  mission: Line(2_000),
  values: List(Line(80), 20),
  toneFormality: z
    .number()
    .int("Use a whole number.")
    .min(0, "From 0 (friendly)")
    .max(100, "to 100 (formal)."),
  toneAdjectives: List(Line(40), 12),
  audience: Line(2_000),
  personas: z
    .array(z.object({ name: Line(80).min(1, "Name the persona."), description: Line(1_000) }))
    .max(10, "At most 10 personas."),
  keyMessages: List(Line(300), 20),
  keywords: List(Line(60), 50),
  wordsToAvoid: List(Line(60), 100),
  palette: z
    .array(
      z.object({
        name: Line(40).min(1, "Name the colour."),
        hex: z
          .string()
          .trim()
          .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #1A2B3C.")
          .transform((hex) => hex.toUpperCase()),
      }),
    )
    .max(12, "At most 12 colours."),
  fonts: z.object({ heading: Line(80), body: Line(80) }),
  examplePosts: List(Line(5_000), 10),
  languages: List(z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, "Use a language such as en or it-IT."), 10),
});
export type BrandProfile = z.output<typeof BrandProfile>;
export type BrandProfileInput = z.input<typeof BrandProfile>;

export const PROFILE_FIELDS = Object.keys(BrandProfile.shape) as (keyof BrandProfile)[];

export type BrandDnaRow = typeof schema.brandDna.$inferSelect;

/** The profile part of a row: what a version snapshot stores and a diff compares. */
export function profileOf(row: BrandDnaRow | BrandProfile): BrandProfile {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, row[f]])) as BrandProfile;
}
