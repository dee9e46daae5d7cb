// Expected failures: a domain operation throws DomainError; the GraphQL layer turns it into
// `userErrors { field code message }` after rolling back the operation's savepoint.
import type { z } from "zod";

export type UserErrorCode =
  | "INVALID"
  | "TAKEN"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "EXPIRED"
  | "LAST_OWNER"
  | "INSUFFICIENT_TOKENS"
  | "IDEMPOTENCY_KEY_REUSED"
  | "ALREADY_REDEEMED"
  | "PAYMENT_PROVIDER_ERROR"
  /** A status change the lifecycle does not allow (campaigns, content, posts). */
  | "INVALID_TRANSITION"
  /** A time that must be in the future is not (scheduling a post). */
  | "IN_THE_PAST"
  /** A template uses a merge variable that is neither declared nor supplied. */
  | "UNKNOWN_VARIABLE"
  /** A journey definition has problems (each names its node); publishing is refused. */
  | "INVALID_DEFINITION"
  /** A batch is larger than the operation accepts (bulk upsert, event ingestion). */
  | "TOO_MANY";

export interface UserError {
  field: string | null;
  code: UserErrorCode;
  message: string;
}

export class DomainError extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError | UserError[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join("; "));
    this.name = "DomainError";
    this.errors = list;
  }
}

export const fail = (code: UserErrorCode, message: string, field: string | null = null): never => {
  throw new DomainError({ code, message, field });
};

export const notFound = (field: string | null, what: string): never =>
  fail("NOT_FOUND", `${what} not found.`, field);

export const forbidden = (message = "You are not allowed to do this."): never => fail("FORBIDDEN", message);

/** Parses input with a zod schema; every issue becomes an INVALID user error naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError(
    result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join(".") : null,
      code: "INVALID" as const,
      message: issue.message,
    })),
  );
}

interface PgError {
  code?: string;
  constraint_name?: string;
}

/** The name of the unique constraint a PostgreSQL error violated, if that is what it is. */
/** The name of the CHECK constraint a PostgreSQL error violated, if that is what it is. */
export function checkViolation(error: unknown): string | null {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const pg = cause as PgError;
  return pg?.code === "23514" ? (pg.constraint_name ?? "") : null;
}

export function uniqueViolation(error: unknown): string | null {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const pg = cause as PgError;
  return pg?.code === "23505" ? (pg.constraint_name ?? "") : null;
}
