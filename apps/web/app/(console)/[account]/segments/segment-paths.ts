// Where the segment pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const segmentsPath = (accountSlug: string) => `/${accountSlug}/segments` as Route;
export const newSegmentPath = (accountSlug: string) => `/${accountSlug}/segments/new` as Route;
export const segmentPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/segments/${encodeURIComponent(id)}` as Route;
