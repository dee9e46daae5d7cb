// Templates as the console shows them: kinds in words, the list's filter, and who may change them
// (the same roles as content: content:write; the API enforces it, the UI follows).
import type { ResultOf } from "@/lib/graphql/graphql";
import type { TemplateDetailQuery, TemplateListQuery } from "./templates-operations";

export type TemplateListItem = ResultOf<typeof TemplateListQuery>["templates"]["nodes"][number];
export type TemplateDetail = NonNullable<ResultOf<typeof TemplateDetailQuery>["template"]>;
export type TemplateKind = TemplateListItem["kind"];

export const TEMPLATE_KINDS = ["CONTENT", "EMAIL"] as const satisfies readonly TemplateKind[];

export const KIND_LABELS: Record<TemplateKind, string> = { CONTENT: "Content", EMAIL: "Email" };

export type TemplateFilterValues = { kind: TemplateKind | ""; search: string; archived: boolean };

export const NO_TEMPLATE_FILTER: TemplateFilterValues = { kind: "", search: "", archived: false };

/** The GraphQL TemplateFilter for the chosen values. */
export function toTemplateFilter(values: TemplateFilterValues) {
  return {
    kind: values.kind || null,
    search: values.search.trim() || null,
    archived: values.archived,
  };
}
