import { Badge } from "@/components/ui/badge";
import { type CampaignStatus, STATUS_LABELS, STATUS_TONES } from "./campaign-model";

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
