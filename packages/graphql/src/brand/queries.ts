// Brand DNA reads: the current account's profile (with its history) and the diff of two versions.
import { diffBrandDnaVersions } from "@markettina/domain";
import { builder } from "../builder.ts";
import { currentAccountId, operationContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { BrandDnaRef, BrandFieldChangeRef } from "./types.ts";

builder.queryFields((t) => ({
  brandDna: t.drizzleField({
    type: BrandDnaRef,
    description: "The current account's brand profile.",
    authScopes: { permission: "brand:read" },
    resolve: (query, _root, _args, ctx) =>
      runPlanned(
        ctx.tx.query.brandDna.findFirst(query({ where: { accountId: currentAccountId(ctx) } })),
        "brand_dna",
      ).then((b) => b!),
  }),

  brandDnaDiff: t.field({
    type: [BrandFieldChangeRef],
    description: "What changed from version `from` to version `to`, field by field.",
    authScopes: { permission: "brand:read" },
    args: { from: t.arg.int({ required: true }), to: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => diffBrandDnaVersions(operationContext(ctx), args.from, args.to),
  }),
}));
