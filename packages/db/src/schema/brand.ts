// Brand DNA (DOMAIN.md §3): exactly one profile per account, created with the account, and a full
// snapshot of it on every change so a marketer can see its history, diff versions and restore one.
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { accountId, createdAt, id, updatedAt } from "./columns.ts";
import { accounts, users } from "./identity.ts";

export interface BrandColor {
  name: string;
  hex: string;
}
export interface BrandFonts {
  heading: string;
  body: string;
}
export interface BrandPersona {
  name: string;
  description: string;
}

const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

export const brandDna = pgTable(
  "brand_dna",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    brandName: text("brand_name").notNull().default(""),
    mission: text("mission").notNull().default(""),
    values: textList("values"),
    /** Tone of voice: 0 = very friendly … 100 = very formal. */
    toneFormality: integer("tone_formality").notNull().default(50),
    toneAdjectives: textList("tone_adjectives"),
    audience: text("audience").notNull().default(""),
    personas: jsonb("personas").$type<BrandPersona[]>().notNull().default([]),
    keyMessages: textList("key_messages"),
    keywords: textList("keywords"),
    wordsToAvoid: textList("words_to_avoid"),
    palette: jsonb("palette").$type<BrandColor[]>().notNull().default([]),
    fonts: jsonb("fonts").$type<BrandFonts>().notNull().default({ heading: "", body: "" }),
    examplePosts: textList("example_posts"),
    languages: text("languages").array().notNull().default(sql`'{en}'::text[]`),
    /** Edited by people: an update names the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("brand_dna_account_id_id_key").on(t.accountId, t.id),
    unique("brand_dna_account_key").on(t.accountId),
    check("brand_dna_tone_formality_range", sql`${t.toneFormality} between 0 and 100`),
    check("brand_dna_version_positive", sql`${t.version} > 0`),
  ],
);

export const brandDnaVersions = pgTable(
  "brand_dna_versions",
  {
    id: id(),
    accountId: accountId(),
    brandDnaId: uuid("brand_dna_id").notNull(),
    version: integer("version").notNull(),
    /** The whole profile as it was at this version (the brand_dna columns, camelCase). */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    /** Set when this version was made by restoring an earlier one. */
    restoredFromVersion: integer("restored_from_version"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("brand_dna_versions_account_id_id_key").on(t.accountId, t.id),
    unique("brand_dna_versions_version_key").on(t.brandDnaId, t.version),
    index("brand_dna_versions_history_idx").on(t.accountId, t.brandDnaId, t.version.desc()),
    foreignKey({
      name: "brand_dna_versions_brand_dna_fk",
      columns: [t.accountId, t.brandDnaId],
      foreignColumns: [brandDna.accountId, brandDna.id],
    }).onDelete("cascade"),
  ],
);
