// pnpm schema:print — writes schema.graphql (checked in; a test fails when it is stale).
import { writeFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema.ts";

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (import.meta.main) {
  writeFileSync(new URL("../schema.graphql", import.meta.url), printedSchema());
  console.log("schema.graphql written");
}
