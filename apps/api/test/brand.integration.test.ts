// Brand DNA over HTTP: read with history, edit with the version read, diff and restore, roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const VICTOR = "victor.viewer@northwind.test"; // viewer of acme-outdoor

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const READ = `{ brandDna { brandName version palette { name hex } keywords versions { version restoredFromVersion } } }`;
const UPDATE = `mutation($input: UpdateBrandDnaInput!) {
  updateBrandDna(input: $input) { brandDna { version keywords palette { hex } } userErrors { field code } } }`;

interface Brand {
  brandName: string;
  version: number;
  keywords: string[];
  versions: { version: number; restoredFromVersion: number | null }[];
}

describe("brand DNA", () => {
  it("edits with the version read, refuses a stale one, diffs and restores", async () => {
    const read = async () =>
      (await h.gql<{ brandDna: Brand }>(READ, { as: SAM, account: "blue-bottle" })).body.data!.brandDna;
    const first = await read();
    expect(first.brandName).toBe("Blue Bottle Bakery");
    expect(first.versions[0]).toEqual({ version: first.version, restoredFromVersion: null });

    const edit = (version: number, changes: Record<string, unknown>) =>
      h.gql<{ updateBrandDna: { brandDna: { version: number } | null; userErrors: unknown[] } }>(UPDATE, {
        as: SAM,
        account: "blue-bottle",
        variables: { input: { version, changes } },
      });
    const ok = await edit(first.version, {
      keywords: ["sourdough"],
      palette: [{ name: "Crust", hex: "#c47f3a" }],
    });
    expect(ok.body.data!.updateBrandDna).toEqual({
      brandDna: { version: first.version + 1, keywords: ["sourdough"], palette: [{ hex: "#C47F3A" }] },
      userErrors: [],
    });
    const stale = await edit(first.version, { keywords: ["rye"] });
    expect(stale.body.data!.updateBrandDna).toEqual({
      brandDna: null,
      userErrors: [{ field: "version", code: "CONFLICT" }],
    });
    const bad = await edit(first.version + 1, { palette: [{ name: "x", hex: "blue" }] });
    expect(bad.body.data!.updateBrandDna.userErrors).toEqual([
      { field: "changes.palette.0.hex", code: "INVALID" },
    ]);

    const diff = await h.gql<{ brandDnaDiff: { field: string; added: string[] | null }[] }>(
      `query($from: Int!, $to: Int!) { brandDnaDiff(from: $from, to: $to) { field added removed } }`,
      { as: SAM, account: "blue-bottle", variables: { from: first.version, to: first.version + 1 } },
    );
    expect(diff.body.data!.brandDnaDiff.map((c) => c.field)).toEqual(["keywords", "palette"]);

    const restored = await h.gql<{
      restoreBrandDnaVersion: { brandDna: { version: number; keywords: string[] } };
    }>(
      `mutation($input: RestoreBrandDnaVersionInput!) {
        restoreBrandDnaVersion(input: $input) { brandDna { version keywords } userErrors { code } } }`,
      {
        as: SAM,
        account: "blue-bottle",
        variables: { input: { version: first.version + 1, restoreVersion: first.version } },
      },
    );
    expect(restored.body.data!.restoreBrandDnaVersion.brandDna).toEqual({
      version: first.version + 2,
      keywords: first.keywords,
    });
    expect((await read()).versions.slice(0, 3).map((v) => v.restoredFromVersion)).toEqual([
      first.version,
      null,
      null,
    ]);
  });

  it("lets a viewer read but not edit", async () => {
    const read = await h.gql<{ brandDna: Brand }>(READ, { as: VICTOR, account: "acme-outdoor" });
    expect(read.body.data!.brandDna.brandName).toBe("Acme Outdoor");
    const edit = await h.gql<{ updateBrandDna: { userErrors: { code: string }[] } }>(UPDATE, {
      as: VICTOR,
      account: "acme-outdoor",
      variables: { input: { version: read.body.data!.brandDna.version, changes: { mission: "x" } } },
    });
    expect(edit.body.data!.updateBrandDna.userErrors).toEqual([{ field: null, code: "FORBIDDEN" }]);
  });
});
