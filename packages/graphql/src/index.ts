export type { GraphQLContext } from "./context.ts";
export { schema } from "./schema.ts";
