import { formatInZone } from "@/components/campaigns/zoned-time";

/** "4 May 2026, 09:00 → 31 May 2026, 18:00" on the campaign's clock, with its zone beneath. */
export function CampaignDates({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string;
}) {
  if (!startsAt && !endsAt) return <span className="text-zinc-400">Not planned</span>;
  return (
    <span>
      <span className="whitespace-nowrap">{startsAt ? formatInZone(startsAt, timeZone) : "Open start"}</span>
      <span className="text-zinc-400"> → </span>
      <span className="whitespace-nowrap">{endsAt ? formatInZone(endsAt, timeZone) : "open end"}</span>
      <span className="block text-xs text-zinc-500">{timeZone}</span>
    </span>
  );
}
