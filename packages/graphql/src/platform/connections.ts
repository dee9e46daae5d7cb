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
          // Root connections hand over a thunk (counted only when selected), nested ones a number.
          resolve: async (connection) => {
            const total = (connection as { totalCount?: number | (() => Promise<number> | number) })
              .totalCount;
            return (typeof total === "function" ? await total() : total) ?? 0;
          },
        }),
      }),
    },
    { name: `${name}Edge` },
  );
}
