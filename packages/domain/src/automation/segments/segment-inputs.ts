// What a marketer edits on a segment: name, description, kind and the condition tree.
import { z } from "zod";

/** dynamic: whoever matches the conditions, kept current; static: members added by hand. */
export const SEGMENT_KINDS = ["dynamic", "static"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** The conditions are checked by validateConditions (zod shape, then meaning and references). */
export const SegmentFields = z.object({
  name: z.string().trim().min(1, "Give the segment a name.").max(120),
  description: z.string().trim().max(2_000),
  kind: z.enum(SEGMENT_KINDS),
  conditions: z.unknown(),
});
export type SegmentFields = z.output<typeof SegmentFields>;

/** Contacts named at once by addSegmentMembers / removeSegmentMembers. */
export const MAX_MEMBERS_PER_CALL = 1_000;
