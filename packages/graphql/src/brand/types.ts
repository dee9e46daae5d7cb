// Brand DNA object types: the profile (one per account) and its versions.
import type { BrandColor, BrandFonts, BrandPersona } from "@markettina/db/schema";
import type { FieldChange } from "@markettina/domain";
import { builder } from "../builder.ts";

const BrandColorRef = builder.objectRef<BrandColor>("BrandColor").implement({
  fields: (t) => ({ name: t.exposeString("name"), hex: t.exposeString("hex", { description: "#RRGGBB" }) }),
});

const BrandFontsRef = builder.objectRef<BrandFonts>("BrandFonts").implement({
  fields: (t) => ({ heading: t.exposeString("heading"), body: t.exposeString("body") }),
});

const BrandPersonaRef = builder.objectRef<BrandPersona>("BrandPersona").implement({
  fields: (t) => ({ name: t.exposeString("name"), description: t.exposeString("description") }),
});

export const BrandDnaRef = builder.drizzleNode("brandDna", {
  name: "BrandDna",
  id: { column: (b) => b.id },
  authScopes: { permission: "brand:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    brandName: t.exposeString("brandName"),
    mission: t.exposeString("mission"),
    values: t.exposeStringList("values"),
    toneFormality: t.exposeInt("toneFormality", { description: "0 = very friendly … 100 = very formal." }),
    toneAdjectives: t.exposeStringList("toneAdjectives"),
    audience: t.exposeString("audience"),
    personas: t.expose("personas", { type: [BrandPersonaRef] }),
    keyMessages: t.exposeStringList("keyMessages"),
    keywords: t.exposeStringList("keywords"),
    wordsToAvoid: t.exposeStringList("wordsToAvoid"),
    palette: t.expose("palette", { type: [BrandColorRef] }),
    fonts: t.expose("fonts", { type: BrandFontsRef }),
    examplePosts: t.exposeStringList("examplePosts"),
    languages: t.exposeStringList("languages"),
    version: t.exposeInt("version", { description: "Send it back with updateBrandDna." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    updatedBy: t.relation("updatedByUser", { nullable: true }),
    versions: t.relation("versions", {
      description: "The history, newest first: a snapshot per change.",
      query: { orderBy: { version: "desc" } },
    }),
  }),
});

export const BrandDnaVersionRef = builder.drizzleObject("brandDnaVersions", {
  name: "BrandDnaVersion",
  select: { columns: { id: true } },
  fields: (t) => ({
    version: t.exposeInt("version"),
    snapshot: t.expose("snapshot", { type: "JSON", description: "The whole profile at this version." }),
    restoredFromVersion: t.exposeInt("restoredFromVersion", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.relation("createdByUser", { nullable: true }),
  }),
});

export const BrandFieldChangeRef = builder.objectRef<FieldChange>("BrandFieldChange").implement({
  description: "One field that differs between two versions.",
  fields: (t) => ({
    field: t.exposeString("field"),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    added: t.expose("added", { type: "JSON", nullable: true, description: "Lists: entries only in after." }),
    removed: t.expose("removed", {
      type: "JSON",
      nullable: true,
      description: "Lists: entries only in before.",
    }),
  }),
});
