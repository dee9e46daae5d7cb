// A journey's message made personal: merge variables from the contact's fields and attributes,
// rendered by the content context's renderTemplate (escaped HTML, values never run as markup), with
// the unsubscribe link in the footer and in List-Unsubscribe / List-Unsubscribe-Post (RFC 8058
// one-click) headers. A variable the contact has no value for renders empty and is listed in
// `unknown` (kept in the step's detail): a missing attribute must not stop a journey.
import { renderTemplate, type TemplateVariable } from "../../content/render-template.ts";

export interface MergeContact {
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  timeZone: string;
  externalId: string | null;
  attributes: Record<string, unknown>;
}

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Variables with no value (rendered empty). */
  unknown: string[];
}

export interface SmsPayload {
  to: string;
  text: string;
  unknown: string[];
}

const scalar = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
};

/** {{first_name}}, {{email}}…, every attribute as {{key}} and {{attributes.key}} (the contact's
 * own fields win over an attribute of the same name), plus `extra` (generated content…). */
export function mergeValues(
  contact: MergeContact,
  extra: Record<string, string> = {},
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(contact.attributes ?? {})) {
    const text = scalar(value);
    if (text === null) continue;
    values[key] = text;
    values[`attributes.${key}`] = text;
  }
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  Object.assign(values, {
    email: contact.email ?? "",
    phone: contact.phone ?? "",
    first_name: contact.firstName,
    last_name: contact.lastName,
    name: fullName,
    full_name: fullName,
    time_zone: contact.timeZone,
    external_id: contact.externalId ?? "",
    ...extra,
  });
  return values;
}

export function renderEmail(o: {
  contact: MergeContact & { email: string };
  subject: string;
  body: string;
  declared?: readonly TemplateVariable[];
  unsubscribeUrl: string | null;
  extra?: Record<string, string>;
}): EmailPayload {
  const values = mergeValues(o.contact, o.extra);
  const subject = renderTemplate(o.subject, values, o.declared);
  const body = renderTemplate(o.body, values, o.declared);
  const unknown = [...new Set([...subject.unknown, ...body.unknown])];
  const headers: Record<string, string> = {};
  let text = body.text;
  let html = body.html;
  if (o.unsubscribeUrl) {
    text += `\n\n--\nUnsubscribe: ${o.unsubscribeUrl}\n`;
    const href = o.unsubscribeUrl.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    html += `\n<hr><p style="font-size:12px;color:#666"><a href="${href}">Unsubscribe</a></p>`;
    headers["List-Unsubscribe"] = `<${o.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    to: o.contact.email,
    // One line: a subject with a line break would be folded into other headers.
    subject: subject.text.replace(/[\r\n]+/g, " ").trim(),
    text,
    html: `<!doctype html><html><body>${html}</body></html>`,
    headers,
    unknown,
  };
}

export function renderSms(o: {
  contact: MergeContact & { phone: string };
  text: string;
  unsubscribeUrl: string | null;
  extra?: Record<string, string>;
}): SmsPayload {
  const rendered = renderTemplate(o.text, mergeValues(o.contact, o.extra));
  const text = o.unsubscribeUrl ? `${rendered.text}\nStop: ${o.unsubscribeUrl}` : rendered.text;
  return { to: o.contact.phone, text, unknown: rendered.unknown };
}
