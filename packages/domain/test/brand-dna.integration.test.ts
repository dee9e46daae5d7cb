// Brand DNA on real PostgreSQL: created with the account, versioned on every edit, optimistic
// locking, validation, diff and restore.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DomainError,
  diffBrandDnaVersions,
  type OperationContext,
  type Role,
  restoreBrandDnaVersion,
  updateBrandDna,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const user = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'brand@example.test', 'Brand Owner')`;
  await h.owner`insert into accounts (id, name, slug, created_by) values (${account}, 'Bakery', 'bakery', ${user})`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(role: Role, op: (ctx: OperationContext) => Promise<T>): Promise<T> =>
  h.run({ accountId: account, userId: user, role }, op);

const versions = () =>
  h.owner`select version, restored_from_version, snapshot->>'mission' as mission from brand_dna_versions
         where account_id = ${account} order by version`;

describe("brand DNA", () => {
  it("exists from the account's creation, as version 1", async () => {
    const [row] = await h.owner`select brand_name, version from brand_dna where account_id = ${account}`;
    expect(row).toEqual({ brand_name: "Bakery", version: 1 });
    expect(await versions()).toEqual([{ version: 1, restored_from_version: null, mission: "" }]);
  });

  it("versions every edit, refuses a stale one, and diffs and restores versions", async () => {
    const v2 = await as("member", (ctx) =>
      updateBrandDna(ctx, {
        version: 1,
        changes: {
          mission: "Bread worth waking up for",
          keywords: ["sourdough", "Sourdough", "local"],
          palette: [{ name: "Crust", hex: "#c47f3a" }],
        },
      }),
    );
    expect(v2).toMatchObject({ version: 2, keywords: ["sourdough", "local"], palette: [{ hex: "#C47F3A" }] });
    await expect(
      as("member", (ctx) => updateBrandDna(ctx, { version: 1, changes: { mission: "Lost update" } })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "version" }] });
    const v3 = await as("member", (ctx) =>
      updateBrandDna(ctx, {
        version: 2,
        changes: { mission: "Bread for everyone", keywords: ["local", "rye"] },
      }),
    );
    expect(v3.version).toBe(3);

    const diff = await as("viewer", (ctx) => diffBrandDnaVersions(ctx, 2, 3));
    expect(diff).toEqual([
      { field: "mission", before: "Bread worth waking up for", after: "Bread for everyone" },
      {
        field: "keywords",
        before: ["sourdough", "local"],
        after: ["local", "rye"],
        added: ["rye"],
        removed: ["sourdough"],
      },
    ]);

    const restored = await as("member", (ctx) =>
      restoreBrandDnaVersion(ctx, { version: 3, restoreVersion: 2 }),
    );
    expect(restored).toMatchObject({
      version: 4,
      mission: "Bread worth waking up for",
      keywords: ["sourdough", "local"],
    });
    expect(await versions()).toEqual([
      { version: 1, restored_from_version: null, mission: "" },
      { version: 2, restored_from_version: null, mission: "Bread worth waking up for" },
      { version: 3, restored_from_version: null, mission: "Bread for everyone" },
      { version: 4, restored_from_version: 2, mission: "Bread worth waking up for" },
    ]);
  });

  it("rejects invalid input with typed errors and leaves the profile as it was", async () => {
    const [before] = await h.owner`select version from brand_dna where account_id = ${account}`;
    const error = await as("member", (ctx) =>
      updateBrandDna(ctx, {
        version: before!.version,
        changes: { palette: [{ name: "Bad", hex: "red" }], toneFormality: 140, languages: ["english"] },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors.map((e) => e.field).sort()).toEqual([
      "changes.languages.0",
      "changes.palette.0.hex",
      "changes.toneFormality",
    ]);
    await expect(
      as("viewer", (ctx) => updateBrandDna(ctx, { version: before!.version, changes: { mission: "x" } })),
    ).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
    await expect(
      as("member", (ctx) => restoreBrandDnaVersion(ctx, { version: before!.version, restoreVersion: 99 })),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "restoreVersion" }] });
    const [after] = await h.owner`select version from brand_dna where account_id = ${account}`;
    expect(after).toEqual(before);
  });
});
