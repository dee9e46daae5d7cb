import { Badge } from "@/components/ui/badge";
import { type JourneyStatus, STATUS_LABELS, STATUS_TONES } from "./journey-model";

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
