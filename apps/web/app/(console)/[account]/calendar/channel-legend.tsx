import { CHANNELS, POST_CHANNELS } from "./calendar-model";

/** Which colour is which channel. */
export function ChannelLegend() {
  return (
    <ul
      aria-label="Channel colours"
      className="flex flex-wrap gap-x-4 gap-y-1 px-4 pt-3 text-xs text-zinc-600"
    >
      {POST_CHANNELS.map((channel) => (
        <li key={channel} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="size-3 rounded-sm"
            style={{ backgroundColor: CHANNELS[channel].color }}
          />
          {CHANNELS[channel].label}
        </li>
      ))}
    </ul>
  );
}
