// The contact form's model: values as the form edits them (tags comma-separated, attributes as
// typed key/value rows), their rules (the API's, so most mistakes show before saving), and the
// fields a save sends.
import { z } from "zod";
import { isTimeZone } from "@/components/campaigns/zoned-time";
import { AttributeRow, toAttributeRows, toAttributes } from "@/components/contacts/attribute-values";
import { commaList } from "@/lib/forms/comma-list";

/** E.164: a plus and 7 to 15 digits, as the API stores phones; spaces, dots, dashes and brackets go. */
const E164 = /^\+[1-9]\d{6,14}$/;
const barePhone = (phone: string) => phone.trim().replace(/[\s().-]/g, "");

export const ContactFormInput = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, "At most 254 characters.")
      .refine((email) => email === "" || z.email().safeParse(email).success, "Enter an email address."),
    phone: z
      .string()
      .trim()
      .refine(
        (phone) => phone === "" || E164.test(barePhone(phone)),
        "Use the international format, e.g. +14155550123.",
      ),
    firstName: z.string().trim().max(100, "At most 100 characters."),
    lastName: z.string().trim().max(100, "At most 100 characters."),
    timeZone: z.string().refine(isTimeZone, "Choose a time zone."),
    tags: z.string(),
    attributes: z.array(AttributeRow).max(100, "At most 100 attributes."),
  })
  .superRefine((values, issue) => {
    if (values.email.trim() === "" && values.phone.trim() === "") {
      issue.addIssue({
        code: "custom",
        path: ["email"],
        message: "Give an email address or a phone number.",
      });
    }
    const tags = commaList(values.tags);
    if (tags.length > 50) issue.addIssue({ code: "custom", path: ["tags"], message: "At most 50 tags." });
    if (tags.some((tag) => tag.length > 64)) {
      issue.addIssue({ code: "custom", path: ["tags"], message: "Each tag has at most 64 characters." });
    }
    const seen = new Set<string>();
    values.attributes.forEach((row, index) => {
      const key = row.key.trim();
      if (key !== "" && seen.has(key)) {
        issue.addIssue({
          code: "custom",
          path: ["attributes", index, "key"],
          message: "This key is used twice.",
        });
      }
      seen.add(key);
    });
  });
export type ContactFormInput = z.infer<typeof ContactFormInput>;

export const CONTACT_FORM_FIELDS = [
  "email",
  "phone",
  "firstName",
  "lastName",
  "timeZone",
  "tags",
  "attributes",
] as const satisfies readonly (keyof ContactFormInput)[];

export type ContactFormSource = {
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  timeZone: string;
  tags: readonly string[];
  attributes: unknown;
};

export function emptyContactValues(timeZone: string): ContactFormInput {
  return { email: "", phone: "", firstName: "", lastName: "", timeZone, tags: "", attributes: [] };
}

export function toContactFormValues(contact: ContactFormSource): ContactFormInput {
  return {
    email: contact.email ?? "",
    phone: contact.phone ?? "",
    firstName: contact.firstName,
    lastName: contact.lastName,
    timeZone: contact.timeZone,
    tags: contact.tags.join(", "),
    attributes: toAttributeRows(contact.attributes),
  };
}

/** Every field in the API's shape; empty email or phone is null. */
export function toContactFields(values: ContactFormInput) {
  return {
    email: values.email.trim() || null,
    phone: barePhone(values.phone) || null,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    timeZone: values.timeZone,
    tags: commaList(values.tags),
    attributes: toAttributes(values.attributes),
  };
}
export type ContactFields = ReturnType<typeof toContactFields>;

/** Only the fields that differ from what was loaded: a save leaves the others as they are. */
export function changedContactFields(
  loaded: ContactFormInput,
  values: ContactFormInput,
): Partial<ContactFields> {
  const before = toContactFields(loaded);
  const after = toContactFields(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ContactFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<ContactFields>;
}

/**
 * The form field a userError's path names: "input.email" → "email", "attributes.plan" →
 * "attributes"; null when it names none (the error then shows above the buttons).
 */
export function contactFieldOf(path: string | null | undefined): (typeof CONTACT_FORM_FIELDS)[number] | null {
  if (!path) return null;
  const parts = path.split(".").filter((part) => part !== "input" && part !== "fields" && part !== "changes");
  const first = parts[0];
  return (CONTACT_FORM_FIELDS as readonly string[]).includes(first ?? "")
    ? (first as (typeof CONTACT_FORM_FIELDS)[number])
    : null;
}
