// The content editor's model: form values (tags comma-separated, no campaign as ""), their rules
// (the API's, so most mistakes show before saving), and the fields a save sends.
import { z } from "zod";
import { commaList } from "@/lib/forms/comma-list";
import { CONTENT_TYPES, type ContentItem, type ContentType } from "./content-model";

export const ContentFormInput = z
  .object({
    title: z.string().trim().min(1, "Give the content a title.").max(200, "At most 200 characters."),
    type: z.enum(CONTENT_TYPES, "Choose a type."),
    subject: z.string().trim().max(300, "At most 300 characters."),
    body: z.string().max(100_000, "At most 100,000 characters."),
    tags: z.string(),
    campaignId: z.string(),
    templateId: z.string(),
  })
  .superRefine((values, issue) => {
    const tags = commaList(values.tags);
    if (tags.length > 20) issue.addIssue({ code: "custom", path: ["tags"], message: "At most 20 tags." });
    if (tags.some((tag) => tag.length > 40)) {
      issue.addIssue({ code: "custom", path: ["tags"], message: "Each tag has at most 40 characters." });
    }
  });
export type ContentFormInput = z.infer<typeof ContentFormInput>;

export const FORM_FIELDS = [
  "title",
  "type",
  "subject",
  "body",
  "tags",
  "campaignId",
  "templateId",
] as const satisfies readonly (keyof ContentFormInput)[];

export function emptyFormValues(type: ContentType = "SOCIAL_POST"): ContentFormInput {
  return { title: "", type, subject: "", body: "", tags: "", campaignId: "", templateId: "" };
}

export function toFormValues(item: ContentItem): ContentFormInput {
  return {
    title: item.title,
    type: item.type,
    subject: item.subject,
    body: item.body,
    tags: item.tags.join(", "),
    campaignId: item.campaign?.id ?? "",
    templateId: item.templateId ?? "",
  };
}

/** Only emails have a subject: any other type saves an empty one. */
const subjectOf = (values: ContentFormInput) => (values.type === "EMAIL" ? values.subject.trim() : "");

/** The ContentItemFieldsInput for a new item. */
export function toContentFields(values: ContentFormInput) {
  return {
    title: values.title.trim(),
    type: values.type,
    subject: subjectOf(values),
    body: values.body,
    tags: commaList(values.tags),
    campaignId: values.campaignId || null,
    templateId: values.templateId || null,
  };
}

type ContentFields = ReturnType<typeof toContentFields>;

/** Just the fields that differ from what was loaded: an edit of the tags alone keeps a review. */
export function changedFields(loaded: ContentFormInput, values: ContentFormInput): Partial<ContentFields> {
  const before = toContentFields(loaded);
  const after = toContentFields(values);
  const changes: Partial<Record<keyof ContentFields, unknown>> = {};
  for (const key of Object.keys(after) as (keyof ContentFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<ContentFields>;
}

/** The form field an API userError names ("input.changes.title" → "title"), if the form has it. */
export function formFieldOf(field: string | null): (typeof FORM_FIELDS)[number] | undefined {
  const name = field?.split(".").at(-1);
  return FORM_FIELDS.find((candidate) => candidate === name);
}
