// Campaigns over HTTP: create, filter and search, lifecycle moves, version checks, trash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Campaign {
  id: string;
  name: string;
  status: string;
  version: number;
}
const CAMPAIGN = "id name status version";
const call = async <T>(query: string, variables: Record<string, unknown>) =>
  (await h.gql<T>(query, { as: SAM, account: "blue-bottle", variables })).body;

const create = async (name: string, tags: string[] = []) =>
  (
    await call<{ createCampaign: { campaign: Campaign } }>(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { ${CAMPAIGN} } userErrors { field code } } }`,
      { input: { fields: { name, type: "SOCIAL", tags } } },
    )
  ).data!.createCampaign.campaign;

const move = (c: Campaign, status: string) =>
  call<{
    changeCampaignStatus: { campaign: Campaign | null; userErrors: { field: string; code: string }[] };
  }>(
    `mutation($input: ChangeCampaignStatusInput!) {
      changeCampaignStatus(input: $input) { campaign { ${CAMPAIGN} } userErrors { field code } } }`,
    { input: { id: c.id, version: c.version, status } },
  );

const list = (filter: Record<string, unknown>) =>
  call<{ campaigns: { totalCount: number; nodes: { name: string }[] } }>(
    `query($filter: CampaignFilter) { campaigns(first: 50, filter: $filter) { totalCount nodes { name createdBy { name } } } }`,
    { filter },
  );

describe("campaigns", () => {
  it("moves through the lifecycle, refusing other moves and stale versions", async () => {
    const c = await create("Autumn bakes");
    expect(c).toMatchObject({ status: "DRAFT", version: 1 });
    const skip = await move(c, "ACTIVE");
    expect(skip.data!.changeCampaignStatus).toEqual({
      campaign: null,
      userErrors: [{ field: "status", code: "INVALID_TRANSITION" }],
    });
    const scheduled = (await move(c, "SCHEDULED")).data!.changeCampaignStatus.campaign!;
    expect(scheduled).toMatchObject({ status: "SCHEDULED", version: 2 });
    const stale = await move(c, "CANCELLED");
    expect(stale.data!.changeCampaignStatus.userErrors).toEqual([{ field: "version", code: "CONFLICT" }]);
  });

  it("filters, searches and keeps the statements per page constant; deleted ones go to the trash", async () => {
    const names = ["Frost rye", "Frost stollen", "Summer tarts"];
    const created = [];
    for (const name of names) created.push(await create(name, name.startsWith("Frost") ? ["frost"] : []));
    expect((await list({ search: "frost" })).data!.campaigns.nodes.map((n) => n.name).sort()).toEqual([
      "Frost rye",
      "Frost stollen",
    ]);
    expect((await list({ tag: "frost", statuses: ["DRAFT"] })).data!.campaigns.totalCount).toBe(2);

    h.counter.reset();
    await list({});
    const statements = h.counter.count;
    await create("Spring loaves");
    h.counter.reset();
    await list({});
    expect(h.counter.count).toBe(statements);

    const summer = created[2]!;
    await call(
      `mutation($input: DeleteCampaignInput!) { deleteCampaign(input: $input) { userErrors { code } } }`,
      {
        input: { id: summer.id, version: summer.version },
      },
    );
    expect((await list({ search: "summer" })).data!.campaigns.totalCount).toBe(0);
    expect((await list({ deleted: true })).data!.campaigns.nodes.map((n) => n.name)).toEqual([
      "Summer tarts",
    ]);
    const restored = await call<{ restoreCampaign: { campaign: Campaign } }>(
      `mutation($input: RestoreCampaignInput!) { restoreCampaign(input: $input) { campaign { ${CAMPAIGN} } } }`,
      { input: { id: summer.id, version: summer.version + 1 } },
    );
    expect(restored.data!.restoreCampaign.campaign).toMatchObject({
      name: "Summer tarts",
      version: summer.version + 2,
    });
    expect((await list({ search: "summer" })).data!.campaigns.totalCount).toBe(1);
  });
});
