// Where the campaign pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const campaignsPath = (accountSlug: string) => `/${accountSlug}/campaigns` as Route;
export const newCampaignPath = (accountSlug: string) => `/${accountSlug}/campaigns/new` as Route;
export const campaignPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/campaigns/${encodeURIComponent(id)}` as Route;
export const editCampaignPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/campaigns/${encodeURIComponent(id)}/edit` as Route;
