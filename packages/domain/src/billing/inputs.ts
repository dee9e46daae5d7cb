// Input schemas shared by billing operations. Tokens and money are integers, never floats.
import { z } from "zod";

/** A positive whole number of tokens, up to what a bigint column and a JS number hold exactly. */
export const TokenAmount = z
  .number({ error: "Enter a whole number of tokens." })
  .int("Enter a whole number of tokens.")
  .positive("The amount must be greater than zero.")
  .max(Number.MAX_SAFE_INTEGER);

export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, "Use an idempotency key of at least 8 characters (a UUID is ideal).")
  .max(200);

export const Note = z.string().trim().max(500).default("");

export const ServiceCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, "Use a service code such as content_generation.");
