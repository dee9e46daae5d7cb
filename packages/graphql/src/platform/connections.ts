// Named connection types (`AccountConnection`, `AccountEdge`) shared by root and nested fields,
// each with totalCount (the drizzle plugin loads it only when selected).
import { builder } from "../builder.ts";

type NodeRef = Parameters<typeof builder.connectionObject>[0]["type"];

export function namedConnection(node: NodeRef, name: string) {
  return builder.connectionObject(
    {
      type: node,
      name: `${name}Connection`,
      fields: (t) => ({
        totalCount: t.int({
          nullable: false,
          extensions: { pothosDrizzleTotalCount: true },
          resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? 0,
        }),
      }),
    },
    { name: `${name}Edge` },
  );
}
