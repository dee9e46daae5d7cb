// Where the template pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const templatesPath = (accountSlug: string) => `/${accountSlug}/content/templates` as Route;
export const newTemplatePath = (accountSlug: string) => `/${accountSlug}/content/templates/new` as Route;
export const templatePath = (accountSlug: string, id: string) =>
  `/${accountSlug}/content/templates/${encodeURIComponent(id)}` as Route;
