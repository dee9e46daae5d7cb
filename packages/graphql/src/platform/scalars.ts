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

builder.queryType({});
builder.mutationType({});
