// Template reads: the current account's templates by kind and name, one template, and previews.
import { schema } from "@markettina/db";
import {
  DomainError,
  type PreviewTemplateInput,
  previewTemplate,
  type TemplatePreview,
  type UserError,
} from "@markettina/domain";
import { and, count, eq, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId, operationContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { UserErrorRef } from "../platform/user-errors.ts";
import {
  TemplateConnection,
  TemplateKindEnum,
  TemplatePreviewRef,
  TemplateRef,
  TemplateVariableInputRef,
} from "./template-types.ts";

type Templates = typeof schema.contentTemplates;

const TemplateFilter = builder.inputType("TemplateFilter", {
  fields: (t) => ({
    kind: t.field({ type: TemplateKindEnum }),
    search: t.string({ description: "Part of the name or description, any case." }),
    archived: t.boolean({ description: "Archived templates instead of live ones." }),
  }),
});
type TemplateFilterInput = typeof TemplateFilter.$inferInput;

/** The filter as SQL: rows and totalCount use the same condition. */
function templateFilter(c: Templates, accountId: string, f?: TemplateFilterInput | null): SQL {
  const pattern = f?.search ? `%${f.search.replace(/[%_\\]/g, "\\$&")}%` : null;
  return and(
    eq(c.accountId, accountId),
    f?.archived ? isNotNull(c.archivedAt) : isNull(c.archivedAt),
    f?.kind ? eq(c.kind, f.kind) : undefined,
    pattern ? or(ilike(c.name, pattern), ilike(c.description, pattern)) : undefined,
  )!;
}

const TemplateDraftInput = builder.inputType("TemplateDraftInput", {
  description: "A template being edited, not saved yet.",
  fields: (t) => ({
    subject: t.string(),
    body: t.string(),
    variables: t.field({ type: [TemplateVariableInputRef] }),
  }),
});

const PreviewTemplateResult = builder
  .objectRef<{ preview: Omit<TemplatePreview, "errors"> | null; userErrors: UserError[] }>(
    "PreviewTemplateResult",
  )
  .implement({
    fields: (t) => ({
      preview: t.field({ type: TemplatePreviewRef, nullable: true, resolve: (r) => r.preview }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: "UNKNOWN_VARIABLE for each variable that cannot be filled (the preview is still given).",
        resolve: (r) => r.userErrors,
      }),
    }),
  });

builder.queryFields((t) => ({
  templates: t.drizzleConnection(
    {
      type: "contentTemplates",
      authScopes: { permission: "content:read" },
      args: { filter: t.arg({ type: TemplateFilter }) },
      totalCount: async (_root, args, ctx) => {
        const c = schema.contentTemplates;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(c)
          .where(templateFilter(c, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.contentTemplates.findMany(
            query({
              where: { RAW: (c) => templateFilter(c, currentAccountId(ctx), args.filter) },
              orderBy: { name: "asc", id: "asc" },
            }),
          ),
        ),
    },
    TemplateConnection,
  ),

  template: t.drizzleField({
    type: TemplateRef,
    nullable: true,
    authScopes: { permission: "content:read" },
    args: { id: t.arg.globalID({ required: true, for: TemplateRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.contentTemplates.findFirst(
          query({ where: { id: args.id.id, accountId: currentAccountId(ctx) } }),
        ),
        "template_by_id",
      ).then((row) => row ?? null),
  }),

  previewTemplate: t.field({
    type: PreviewTemplateResult,
    description:
      "Renders a saved template (id) or a draft with sample values. Script and markup come out escaped in html.",
    authScopes: { permission: "content:read" },
    args: {
      id: t.arg.globalID({ for: TemplateRef }),
      draft: t.arg({ type: TemplateDraftInput }),
      values: t.arg({ type: "JSON", description: 'Values by variable name: {"first_name": "Ada"}.' }),
    },
    resolve: async (_root, args, ctx) => {
      try {
        const { errors, ...preview } = await previewTemplate(operationContext(ctx), {
          id: args.id?.id,
          draft: args.draft
            ? {
                subject: args.draft.subject ?? undefined,
                body: args.draft.body ?? undefined,
                variables: args.draft.variables?.map((v) => ({
                  name: v.name,
                  defaultValue: v.defaultValue ?? null,
                })),
              }
            : undefined,
          values: (args.values ?? {}) as PreviewTemplateInput["values"],
        });
        return { preview, userErrors: errors };
      } catch (error) {
        if (error instanceof DomainError) return { preview: null, userErrors: error.errors };
        throw error;
      }
    },
  }),
}));
