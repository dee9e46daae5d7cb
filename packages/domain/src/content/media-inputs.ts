// What a person may say about a media asset; shared by upload and update.
import { z } from "zod";

export const MediaAssetFields = z.object({
  /** Describes the image for people who cannot see it; published with it where channels allow. */
  altText: z.string().trim().max(1_000),
  tags: z
    .array(z.string().trim().min(1, "Tags cannot be empty.").max(40))
    .max(20, "At most 20 tags.")
    .transform((tags) => [...new Set(tags)]),
});
