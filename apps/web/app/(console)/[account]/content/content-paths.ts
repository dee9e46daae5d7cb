// Where the content pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const contentPath = (accountSlug: string) => `/${accountSlug}/content` as Route;
export const newContentPath = (accountSlug: string) => `/${accountSlug}/content/new` as Route;
export const contentItemPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/content/${encodeURIComponent(id)}` as Route;
export const walletPath = (accountSlug: string) => `/${accountSlug}/wallet` as Route;
