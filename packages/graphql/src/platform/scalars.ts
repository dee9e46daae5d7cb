import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";

builder.scalarType("DateTime", {
  description: "An ISO-8601 timestamp in UTC.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO-8601 string.");
    return date;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be an ISO-8601 string.");
    const date = new Date(ast.value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO-8601 string.");
    return date;
  },
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON.",
  serialize: (value) => value,
  parseValue: (value) => value,
});

// Token amounts are bigints in the database; Int is 32-bit. A whole number up to 2^53 − 1 travels
// exactly as a JSON number, so amounts stay numbers for clients (no string parsing).
const toSafeInt = (value: unknown): number => {
  const n = typeof value === "string" || typeof value === "bigint" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new GraphQLError("SafeInt must be a whole number between -(2^53 - 1) and 2^53 - 1.");
  }
  return n;
};

builder.scalarType("SafeInt", {
  description: "A whole number up to 2^53 − 1 in magnitude (token amounts), as a JSON number.",
  serialize: toSafeInt,
  parseValue: toSafeInt,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError("SafeInt must be an integer literal.");
    return toSafeInt(Number(ast.value));
  },
});

builder.queryType({});
builder.mutationType({});
