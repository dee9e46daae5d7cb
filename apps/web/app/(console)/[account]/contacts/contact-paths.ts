// Where the contact pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const contactsPath = (accountSlug: string) => `/${accountSlug}/contacts` as Route;
export const newContactPath = (accountSlug: string) => `/${accountSlug}/contacts/new` as Route;
export const importContactsPath = (accountSlug: string) => `/${accountSlug}/contacts/import` as Route;
export const contactPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/contacts/${encodeURIComponent(id)}` as Route;
