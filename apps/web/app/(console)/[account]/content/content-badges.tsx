import { Badge } from "@/components/ui/badge";
import { type BrandCheck, type ContentStatus, STATUS_LABELS, STATUS_TONES } from "./content-model";

export function ContentStatusBadge({ status }: { status: ContentStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** The verdict of the last brand check in a word: passed, or how many issues it found. */
export function BrandCheckBadge({ check }: { check: BrandCheck | null | undefined }) {
  if (!check) return <Badge>Not checked</Badge>;
  if (check.passed) return <Badge tone="success">Brand check passed</Badge>;
  const count = check.issues.length;
  return <Badge tone="danger">{count === 1 ? "1 brand issue" : `${count} brand issues`}</Badge>;
}
