// People-edited rows (content items, templates) are named in mutations by their global id and the
// version the caller read; a newer version is the domain's CONFLICT. These are the pieces every
// such mutation file shares: the reference the domain takes, and an operation that takes only it.
import type { OperationContext } from "@markettina/domain";
import type { builder } from "../builder.ts";

export type MutationFieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

export interface VersionedRef {
  id: string;
  version: number;
}

/** The domain's reference: the row id inside the global id, and the version read. */
export const refOf = (input: { id: { id: string }; version: number }): VersionedRef => ({
  id: input.id.id,
  version: input.version,
});

/** A domain operation that needs nothing but the reference (archive, restore, withdraw a review). */
export type RefOperation<Row> = (op: OperationContext, ref: VersionedRef) => Promise<Row>;
