// A Pothos plugin: exposed columns of planned rows are read straight off the row.
//
// The drizzle plugin checks every field of a drizzle type against its per-request loader mappings
// before resolving it (keys built from the response path, Map and WeakMap look-ups). For an exposed
// column on a row that a planned query returned, that check can only conclude "the plan loaded it"
// — the column is on the row because the plan selected it — yet it ran for every column of every
// row: 1,150 times for a list of 50 accounts × 5 members, a fifth of the request. This plugin sits
// just outside the drizzle plugin (and inside scope-auth and the others, which still run) and
// answers such a column from the row; any other row, or a column the row lacks, goes through the
// drizzle plugin unchanged. Values are the same either way: the row is this request's, read in its
// transaction. (docs/benchmarks.md)
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { isPlannedRow } from "./planned-reads.ts";

/** The column an exposed field of a drizzle type reads, if the field is exactly that. */
function exposedColumn<Types extends SchemaTypes>(field: PothosOutputFieldConfig<Types>): string | null {
  if (field.kind !== "DrizzleObject") return null;
  const {
    pothosExposedField: exposed,
    pothosDrizzleVariant: column,
    pothosDrizzleSelect: select,
  } = (field.extensions ?? {}) as Record<string, unknown>;
  if (typeof exposed !== "string" || exposed !== column) return null;
  // The expose's own selection: that one column, nothing nested.
  const only = select as { columns?: Record<string, unknown>; with?: unknown; extras?: unknown } | undefined;
  const columns = only?.columns ? Object.keys(only.columns) : [];
  return only && !only.with && !only.extras && columns.length === 1 && columns[0] === column ? column : null;
}

export class PlannedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const column = exposedColumn(fieldConfig);
    if (!column) return resolver;
    return (parent, args, context, info) =>
      isPlannedRow(parent) && Object.hasOwn(parent, column)
        ? parent[column]
        : resolver(parent, args, context, info);
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      plannedColumns: PlannedColumnsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("plannedColumns", PlannedColumnsPlugin);
