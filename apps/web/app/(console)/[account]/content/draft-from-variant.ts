// A generated variant as content item fields: an email's first line "Subject: …" becomes its
// subject (as the API does with createDraft), and the brief's first line is the title to suggest.
import type { ContentType } from "./content-model";

export type GeneratedDraft = {
  type: ContentType;
  title: string;
  subject: string;
  body: string;
  generationId: string;
};

const SUBJECT_LINE = /^Subject:[ \t]*(.*)\n?/iu;

/** The brief's first line, cut to fit a title (at most 120 characters). */
export function titleFromBrief(brief: string): string {
  const firstLine = (brief.split("\n")[0] ?? "").trim();
  return firstLine.length > 120 ? `${firstLine.slice(0, 119).trimEnd()}…` : firstLine;
}

export function draftFromVariant(
  text: string,
  generation: { id: string; contentType: ContentType; brief: string },
): GeneratedDraft {
  const subject = generation.contentType === "EMAIL" ? SUBJECT_LINE.exec(text) : null;
  return {
    type: generation.contentType,
    title: titleFromBrief(generation.brief),
    subject: subject ? (subject[1] ?? "").trim().slice(0, 300) : "",
    body: subject ? text.slice(subject[0].length).trim() : text,
    generationId: generation.id,
  };
}
