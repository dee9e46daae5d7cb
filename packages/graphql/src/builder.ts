// The Pothos builder: plugins and their options only. Types live in each context's folder.
import { type Relations, relations } from "@markettina/db";
import type { Permission } from "@markettina/domain";
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DrizzlePlugin from "@pothos/plugin-drizzle";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import WithInputPlugin from "@pothos/plugin-with-input";
import { getTableConfig } from "drizzle-orm/pg-core";
import { getNullableType, isListType } from "graphql";
import { allows, type GraphQLContext } from "./context.ts";
import "./platform/planned-columns.ts";

export interface PothosTypes {
  Context: GraphQLContext;
  DrizzleRelations: Relations;
  AuthScopes: {
    /** A signed-in user or an API key. */
    authenticated: boolean;
    /** A user (console) rather than an API key. */
    user: boolean;
    /** Role (users) or scope (API keys) grants this in the current account. */
    permission: Permission;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    SafeInt: { Input: number; Output: number | string | bigint };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

const MISSING_NODE = /^(Model \w+\(.*\) not found|\w+ has not been implemented)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Global IDs are base64("Type:uuid"). Anything else decodes to a type that does not exist, so it
 * is simply not found rather than an error that tells it apart from a missing row. */
function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, "base64").toString("utf8");
  const at = decoded.indexOf(":");
  const typename = decoded.slice(0, at);
  const id = decoded.slice(at + 1);
  return at > 0 && /^\w+$/.test(typename) && UUID.test(id)
    ? { typename, id }
    : { typename: "Unknown", id: "" };
}

async function nullIfMissing<T>(load: () => Promise<T> | T): Promise<T | null> {
  try {
    return (await load()) ?? null;
  } catch (error) {
    if (error instanceof Error && MISSING_NODE.test(error.message)) return null;
    throw error;
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const builder = new SchemaBuilder<PothosTypes>({
  defaultFieldNullability: false,
  // Order matters: each plugin wraps the resolvers of the plugins after it. plannedColumns must sit
  // right outside drizzle, so scope-auth and the others still run first.
  plugins: [
    ScopeAuthPlugin,
    RelayPlugin,
    WithInputPlugin,
    ValidationPlugin,
    ComplexityPlugin,
    "plannedColumns",
    DrizzlePlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.principal !== null,
      user: ctx.principal?.kind === "user",
      permission: (permission) => allows(ctx, permission),
    }),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodesOnConnection: true,
    decodeGlobalID,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // Another tenant's row is invisible under RLS, so loading it finds nothing — the same as an ID
    // that never existed or does not decode. Both answer null, so nothing can be detected.
    nodeQueryOptions: {
      resolve: (_root, { id }, _ctx, _info, resolveNode) => nullIfMissing(() => resolveNode(id)),
    },
    nodesQueryOptions: {
      resolve: (_root, { ids }, _ctx, _info, resolveNodes) =>
        Promise.all(ids.map((id) => nullIfMissing(async () => (await resolveNodes([id]))[0]))),
    },
  },
  withInput: {
    typeOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Input` },
  },
  complexity: {
    // A connection's `first` multiplies the cost of what is selected under it; its nodes/edges
    // lists do not multiply again.
    fieldComplexity: (args, _ctx, field) => {
      const first = (args as { first?: unknown }).first;
      if (typeof first === "number") return { field: 1, multiplier: first };
      if (field.name === "edges" || field.name === "nodes") return { field: 1, multiplier: 1 };
      return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 10 : 1 };
    },
    limit: { complexity: 5000, depth: 12, breadth: 300 },
  },
  drizzle: {
    // Nested reads run inside the request's RLS transaction.
    client: (ctx) => ctx.tx,
    getTableConfig,
    relations,
    maxConnectionSize: 100,
    defaultConnectionSize: 20,
  },
});
