// importContacts: a CSV file (as text) in, a per-row report out. Valid rows are imported even when
// others are not: the report says which lines to fix and import again.
import { type ContactImportReport, importContacts } from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { ConsentStatusEnum } from "./contact-types.ts";

const ContactImportRowErrorRef = builder
  .objectRef<ContactImportReport["rows"][number]>("ContactImportRowError")
  .implement({
    fields: (t) => ({
      row: t.exposeInt("row", { description: "The line in the file; the header is line 1." }),
      reasons: t.exposeStringList("reasons"),
    }),
  });

const ContactImportReportRef = builder.objectRef<ContactImportReport>("ContactImportReport").implement({
  fields: (t) => ({
    imported: t.exposeInt("imported", { description: "New contacts." }),
    updated: t.exposeInt("updated", {
      description: "Existing contacts (matched by e-mail) updated or restored.",
    }),
    invalid: t.exposeInt("invalid", { description: "Rows not imported." }),
    rows: t.field({
      type: [ContactImportRowErrorRef],
      description: "The invalid rows with their reasons (the first 1,000).",
      resolve: (r) => r.rows,
    }),
  }),
});

const ImportContactsPayload = builder
  .objectRef<MutationResult<{ report: ContactImportReport }>>("ImportContactsPayload")
  .implement({
    fields: (t) => ({
      report: t.field({ type: ContactImportReportRef, nullable: true, resolve: (p) => p.report }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  importContacts: t.fieldWithInput({
    type: ImportContactsPayload,
    description:
      "Imports a CSV file (up to 5 MB / 50,000 rows) with a header row: email, phone, first_name, last_name, time_zone, tags (; or | separated), consent_email (granted/denied), external_id; any other column is an attribute.",
    authScopes: { authenticated: true },
    input: {
      csv: t.input.string({ required: true }),
      tags: t.input.stringList({ description: "Added to every imported contact." }),
      consent: t.input.field({
        type: ConsentStatusEnum,
        description: "E-mail marketing consent for rows without consent_email (never overrides a decision).",
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          report: await importContacts(op, {
            csv: input.csv,
            tags: input.tags ?? [],
            consent: input.consent ?? undefined,
          }),
        }),
        { report: null },
      ),
  }),
}));
