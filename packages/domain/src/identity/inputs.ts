// Input schemas shared by identity operations (validated in the domain, not only at the edge).
import { z } from "zod";
import { ROLES } from "./roles.ts";

const RESERVED_SLUGS = new Set(["login", "logout", "api", "invite", "settings", "admin", "health", "_next"]);

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "Use 1–48 lowercase letters, digits or dashes.")
  .refine((s) => !RESERVED_SLUGS.has(s), "This slug is reserved.");

export const AccountName = z.string().trim().min(1, "Enter a name.").max(120);

export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Unknown IANA time zone.");

export const Locale = z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, "Use a locale such as en or it-IT.");

export const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address."));

export const RoleInput = z.enum(ROLES);

export const Password = z.string().min(10, "Use at least 10 characters.").max(200);
