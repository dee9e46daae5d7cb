// Root fields run their planned query through runPlanned: prepared when named, and with every row
// it returned (relation rows included) marked, so planned-columns can read their columns directly.
import { describe, expect, it } from "vitest";
import { isPlannedRow, runPlanned } from "../src/platform/planned-reads.ts";

/** Stands in for a drizzle query: a thenable that can also be prepared. */
function fakeQuery<T>(result: T) {
  const prepared: string[] = [];
  const query = Object.assign(Promise.resolve(result), {
    prepare: (name: string) => {
      prepared.push(name);
      return { execute: () => Promise.resolve(result) };
    },
  });
  return { query, prepared };
}

describe("runPlanned", () => {
  it("marks the rows a planned query returned, relation rows included, and nothing else", async () => {
    const createdAt = new Date();
    const user = { name: "Ada", email: "ada@example.test" };
    const membership = { role: "owner", createdAt, user };
    const account = { name: "Acme", memberships: [membership], settings: null };
    const { query } = fakeQuery([account]);

    const rows = await runPlanned(query);

    expect(rows).toEqual([account]);
    expect([account, membership, user].every(isPlannedRow)).toBe(true);
    expect(isPlannedRow(createdAt)).toBe(false);
    expect(isPlannedRow({ name: "Acme" })).toBe(false);
    expect(isPlannedRow(null)).toBe(false);
    // The mark is invisible to serialisation and key listing.
    expect(JSON.stringify(account)).toBe(JSON.stringify({ ...account }));
    expect(Object.keys(user)).toEqual(["name", "email"]);
  });

  it("prepares the query when given a statement name, and accepts an empty result", async () => {
    const { query, prepared } = fakeQuery(undefined);
    expect(await runPlanned(query, "current_account")).toBeUndefined();
    expect(prepared).toEqual(["current_account"]);
  });
});
