// Where the journey pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const journeysPath = (accountSlug: string) => `/${accountSlug}/journeys` as Route;
export const journeyPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/journeys/${encodeURIComponent(id)}` as Route;
