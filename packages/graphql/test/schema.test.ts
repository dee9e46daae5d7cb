// schema.graphql is checked in for clients and reviewers; it must match the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printedSchema } from "../src/print-schema.ts";

describe("schema.graphql", () => {
  it("is the schema printed from code (run `pnpm schema:print` after changing it)", () => {
    const checkedIn = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(checkedIn).toBe(printedSchema());
  });
});
