// Brand DNA mutations: edit (naming the version read) and restore an earlier version.
import { type BrandDnaRow, restoreBrandDnaVersion, updateBrandDna } from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { BrandDnaRef } from "./types.ts";

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ brandDna: BrandDnaRow }>>(name).implement({
    fields: (t) => ({
      brandDna: t.field({ type: BrandDnaRef, nullable: true, resolve: (p) => p.brandDna }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const UpdateBrandDnaPayload = payload("UpdateBrandDnaPayload");
const RestoreBrandDnaVersionPayload = payload("RestoreBrandDnaVersionPayload");

const BrandColorInput = builder.inputType("BrandColorInput", {
  fields: (t) => ({ name: t.string({ required: true }), hex: t.string({ required: true }) }),
});
const BrandFontsInput = builder.inputType("BrandFontsInput", {
  fields: (t) => ({ heading: t.string({ required: true }), body: t.string({ required: true }) }),
});
const BrandPersonaInput = builder.inputType("BrandPersonaInput", {
  fields: (t) => ({ name: t.string({ required: true }), description: t.string({ required: true }) }),
});

const BrandProfileChanges = builder.inputType("BrandProfileChanges", {
  description: "The fields to change; the others keep their value.",
  fields: (t) => ({
    brandName: t.string(),
    mission: t.string(),
    values: t.stringList(),
    toneFormality: t.int(),
    toneAdjectives: t.stringList(),
    audience: t.string(),
    personas: t.field({ type: [BrandPersonaInput] }),
    keyMessages: t.stringList(),
    keywords: t.stringList(),
    wordsToAvoid: t.stringList(),
    palette: t.field({ type: [BrandColorInput] }),
    fonts: t.field({ type: BrandFontsInput }),
    examplePosts: t.stringList(),
    languages: t.stringList(),
  }),
});

/** GraphQL sends null for a field set to null; the profile has no nullable fields: null = keep. */
const withoutNulls = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };

builder.mutationFields((t) => ({
  updateBrandDna: t.fieldWithInput({
    type: UpdateBrandDnaPayload,
    description: "Edits the brand profile. Send the version you read; a newer one is a CONFLICT.",
    authScopes: { authenticated: true },
    input: {
      version: t.input.int({ required: true }),
      changes: t.input.field({ type: BrandProfileChanges, required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          brandDna: await updateBrandDna(op, {
            version: input.version,
            changes: withoutNulls(input.changes),
          }),
        }),
        { brandDna: null },
      ),
  }),

  restoreBrandDnaVersion: t.fieldWithInput({
    type: RestoreBrandDnaVersionPayload,
    description: "Makes an earlier version current again (as a new version).",
    authScopes: { authenticated: true },
    input: { version: t.input.int({ required: true }), restoreVersion: t.input.int({ required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ brandDna: await restoreBrandDnaVersion(op, input) }), {
        brandDna: null,
      }),
  }),
}));
