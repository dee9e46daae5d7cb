// databaseHealth and databaseHealthHistory: platform admins only. Anyone else gets a FORBIDDEN
// error (not an empty report); the domain operations check the admin flag again themselves.
import { DomainError, getDatabaseHealth, listHealthSamples, parseInput } from "@markettina/domain";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder } from "../builder.ts";
import { isPlatformAdminRequest } from "../platform/platform-admin.ts";
import { healthDeps, platformContext } from "./health-deps.ts";
import { DatabaseHealthReportRef, DatabaseHealthSampleRef } from "./types.ts";

const HistoryInput = z.object({
  hours: z.number().int().min(1, "At least 1 hour.").max(168, "At most 168 hours (7 days)."),
});

/** A query has no userErrors: an expected failure becomes an error with its code and field. */
async function withErrorCodes<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const [first] = error.errors;
    throw new GraphQLError(error.message, { extensions: { code: first?.code, field: first?.field } });
  }
}

builder.queryFields((t) => ({
  databaseHealth: t.field({
    type: DatabaseHealthReportRef,
    description: "Platform admins: the database's health now (every check and the lists behind them).",
    authScopes: (_root, _args, ctx) => isPlatformAdminRequest(ctx),
    resolve: (_root, _args, ctx) =>
      withErrorCodes(() => getDatabaseHealth(platformContext(ctx), healthDeps(ctx))),
  }),

  databaseHealthHistory: t.field({
    type: [DatabaseHealthSampleRef],
    description:
      "Platform admins: the minute samples of the last `hours` (1–168), oldest first, at most 360 points.",
    authScopes: (_root, _args, ctx) => isPlatformAdminRequest(ctx),
    args: { hours: t.arg.int({ required: true, defaultValue: 24 }) },
    resolve: (_root, args, ctx) =>
      withErrorCodes(() => listHealthSamples(platformContext(ctx), parseInput(HistoryInput, args))),
  }),
}));
