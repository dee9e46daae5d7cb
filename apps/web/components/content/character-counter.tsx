import { formatTokens } from "@/components/ui/format";

/**
 * "120 / 280 characters (X)": the text's length against the channel's limit, counted as the
 * brand check counts (code points). Referenced by the text area's aria-describedby; it turns red,
 * and says by how much, once the text is over.
 */
export function CharacterCounter({
  id,
  count,
  max,
  limitName,
}: {
  id: string;
  count: number;
  max: number;
  limitName: string;
}) {
  const over = count - max;
  return (
    <p id={id} className={`text-xs tabular-nums ${over > 0 ? "font-medium text-red-700" : "text-zinc-500"}`}>
      {formatTokens(count)} / {formatTokens(max)} characters ({limitName})
      {over > 0 ? ` — ${formatTokens(over)} over the limit` : ""}
    </p>
  );
}
