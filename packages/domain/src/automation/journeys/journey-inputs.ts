// What a journey's own fields may hold; shared by create and update.
import { z } from "zod";

export const JourneyFields = z.object({
  name: z.string().trim().min(1, "Name the journey.").max(160),
  description: z.string().trim().max(5_000),
  /** The campaign the journey belongs to (null: none). */
  campaignId: z.uuid().nullable(),
});

/** The journey named and the version the caller read (optimistic locking). */
export const JourneyAtVersion = z.object({ id: z.uuid(), version: z.number().int().positive() });
export type JourneyAtVersionInput = z.input<typeof JourneyAtVersion>;
