// Input rules shared by the platform admin's catalog operations (packages, prices, promo codes).
//
// Those operations audit with recordPlatformChange, not recordChange: audit entries and domain
// events are tenant rows, and an installation-wide catalog belongs to no tenant — filing its
// changes under some account would show them in that tenant's audit log.
import { z } from "zod";

/** Money in minor units and counts are int4 columns; token amounts are bigints. */
export const INT32_MAX = 2_147_483_647;

const capitalized = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

export const positiveCount = (what: string, max = INT32_MAX) =>
  z
    .number({ error: `Enter ${what} as a whole number.` })
    .int(`Enter ${what} as a whole number.`)
    .positive(`${capitalized(what)} must be greater than zero.`)
    .max(max, `${capitalized(what)} is too large.`);

export const nonNegativeCount = (what: string, max = INT32_MAX) =>
  z
    .number({ error: `Enter ${what} as a whole number.` })
    .int(`Enter ${what} as a whole number.`)
    .min(0, `${capitalized(what)} cannot be negative.`)
    .max(max, `${capitalized(what)} is too large.`);

export const CatalogName = z.string().trim().min(1, "Enter a name.").max(120);
export const CatalogDescription = z.string().trim().max(500);
