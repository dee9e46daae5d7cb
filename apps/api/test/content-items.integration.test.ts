// Content items over HTTP: the review flow end to end (edit, ask, reject with a comment, approve,
// restore a version, archive and restore), who may decide, stale versions, the stored brand check,
// statements per list page, and tenants kept apart.
import { checkBrand, DEFAULT_CHANNEL } from "@markettina/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const MIA = "mia.member@northwind.test"; // member of the agency
const ADAM = "adam.admin@northwind.test"; // admin of the agency
const VICTOR = "victor.viewer@northwind.test"; // viewer of acme-outdoor

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Item {
  id: string;
  status: string;
  version: number;
  title: string;
  body: string;
  brandCheck: {
    passed: boolean;
    brandDnaVersion: number;
    issues: { code: string; message: string }[];
  } | null;
}
interface UserError {
  field: string | null;
  code: string;
}
type Payload = { contentItem: Item | null; userErrors: UserError[] };

const ITEM = "id status version title body brandCheck { passed brandDnaVersion issues { code message } }";

async function mutate(
  name: string,
  input: Record<string, unknown>,
  as: string,
  account: string,
): Promise<Payload> {
  const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const res = await h.gql<Record<string, Payload>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { contentItem { ${ITEM} } userErrors { field code } } }`,
    { as, account, variables: { input } },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data![name]!;
}

const ok = async (p: Promise<Payload>): Promise<Item> => {
  const payload = await p;
  expect(payload.userErrors).toEqual([]);
  return payload.contentItem!;
};
const at = (item: Item) => ({ id: item.id, version: item.version });

describe("content items", () => {
  it("goes through review: edit, ask, reject with a comment, approve, restore a version, archive", async () => {
    const nw = "northwind";
    const campaign = (
      await h.gql<{ createCampaign: { campaign: { id: string } } }>(
        `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`,
        { as: MIA, account: nw, variables: { input: { fields: { name: "Client pitch", type: "SOCIAL" } } } },
      )
    ).body.data!.createCampaign.campaign;

    const created = await ok(
      mutate(
        "createContentItem",
        {
          fields: {
            type: "SOCIAL_POST",
            title: "Why agencies",
            body: "First cut.",
            campaignId: campaign.id,
            tags: ["pitch"],
          },
        },
        MIA,
        nw,
      ),
    );
    expect(created).toMatchObject({ status: "DRAFT", version: 1, brandCheck: { passed: true, issues: [] } });

    const v2 = await ok(
      mutate("updateContentItem", { ...at(created), changes: { body: "Second cut." } }, MIA, nw),
    );
    expect(v2).toMatchObject({ version: 2, body: "Second cut." });
    expect(await mutate("updateContentItem", { ...at(created), changes: { body: "Lost" } }, MIA, nw)).toEqual(
      { contentItem: null, userErrors: [{ field: "version", code: "CONFLICT" }] },
    );

    const inReview = await ok(mutate("requestContentReview", { ...at(v2), note: "Tone ok?" }, MIA, nw));
    expect(inReview.status).toBe("REVIEW");
    // A member writes and asks; owners and admins decide.
    expect((await mutate("approveContent", at(inReview), MIA, nw)).userErrors).toEqual([
      { field: null, code: "FORBIDDEN" },
    ]);
    expect((await mutate("rejectContent", { ...at(inReview), comment: " " }, ADAM, nw)).userErrors).toEqual([
      { field: "comment", code: "INVALID" },
    ]);
    const rejected = await ok(
      mutate("rejectContent", { ...at(inReview), comment: "Lead with the client." }, ADAM, nw),
    );
    expect(rejected.status).toBe("DRAFT");
    // Only the operations move the status: approving a draft is refused.
    expect((await mutate("approveContent", at(rejected), ADAM, nw)).userErrors).toEqual([
      { field: "status", code: "INVALID_TRANSITION" },
    ]);

    const v5 = await ok(
      mutate("updateContentItem", { ...at(rejected), changes: { body: "Client first." } }, MIA, nw),
    );
    const again = await ok(mutate("requestContentReview", at(v5), MIA, nw));
    const approved = await ok(mutate("approveContent", { ...at(again), comment: "Good." }, ADAM, nw));
    expect(approved).toMatchObject({ status: "APPROVED", version: 7 });

    const read = await h.gql<{
      contentItem: {
        campaign: { name: string };
        createdBy: { name: string };
        versions: {
          totalCount: number;
          nodes: { version: number; status: string; createdBy: { name: string } }[];
        };
        approvals: {
          decision: string;
          comment: string;
          requestNote: string;
          selfReview: boolean;
          requestedBy: { name: string };
          reviewer: { name: string } | null;
        }[];
      };
    }>(
      `query($id: ID!) { contentItem(id: $id) {
         campaign { name } createdBy { name }
         versions(first: 3) { totalCount nodes { version status createdBy { name } } }
         approvals { decision comment requestNote selfReview requestedBy { name } reviewer { name } } } }`,
      { as: MIA, account: nw, variables: { id: created.id } },
    );
    expect(read.body.data!.contentItem).toEqual({
      campaign: { name: "Client pitch" },
      createdBy: { name: "Mia Member" },
      versions: {
        totalCount: 7,
        nodes: [
          { version: 7, status: "APPROVED", createdBy: { name: "Adam Admin" } },
          { version: 6, status: "REVIEW", createdBy: { name: "Mia Member" } },
          { version: 5, status: "DRAFT", createdBy: { name: "Mia Member" } },
        ],
      },
      approvals: [
        {
          decision: "APPROVED",
          comment: "Good.",
          requestNote: "",
          selfReview: false,
          requestedBy: { name: "Mia Member" },
          reviewer: { name: "Adam Admin" },
        },
        {
          decision: "REJECTED",
          comment: "Lead with the client.",
          requestNote: "Tone ok?",
          selfReview: false,
          requestedBy: { name: "Mia Member" },
          reviewer: { name: "Adam Admin" },
        },
      ],
    });

    // Restoring an earlier text is an edit: the approved item goes back to draft.
    const restored = await ok(
      mutate("restoreContentVersion", { ...at(approved), restoreVersion: 1 }, MIA, nw),
    );
    expect(restored).toMatchObject({ status: "DRAFT", version: 8, body: "First cut." });

    const archived = await ok(mutate("archiveContentItem", at(restored), MIA, nw));
    expect(archived.status).toBe("ARCHIVED");
    const titles = async (filter: Record<string, unknown>) =>
      (
        await h.gql<{ contentItems: { nodes: { title: string }[] } }>(
          `query($filter: ContentItemFilter) { contentItems(first: 50, filter: $filter) { nodes { title } } }`,
          { as: MIA, account: nw, variables: { filter } },
        )
      ).body.data!.contentItems.nodes.map((n) => n.title);
    expect(await titles({})).not.toContain("Why agencies");
    expect(await titles({ statuses: ["ARCHIVED"], campaignId: campaign.id })).toEqual(["Why agencies"]);
    expect(
      (await mutate("updateContentItem", { ...at(archived), changes: { body: "x" } }, MIA, nw)).userErrors,
    ).toEqual([{ field: "status", code: "INVALID_TRANSITION" }]);
    const back = await ok(mutate("restoreContentItem", at(archived), MIA, nw));
    expect(back).toMatchObject({ status: "DRAFT", version: 10 });

    const onCampaign = await h.gql<{
      node: { contentItems: { totalCount: number; nodes: { title: string }[] } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Campaign { contentItems { totalCount nodes { title } } } } }`,
      { as: MIA, account: nw, variables: { id: campaign.id } },
    );
    expect(onCampaign.body.data!.node.contentItems).toEqual({
      totalCount: 1,
      nodes: [{ title: "Why agencies" }],
    });
  });

  it("stores the brand check against the account's words to avoid", async () => {
    const brand = await h.gql<{ brandDna: { version: number; wordsToAvoid: string[] } }>(
      `{ brandDna { version wordsToAvoid } }`,
      { as: SAM, account: "blue-bottle" },
    );
    expect(brand.body.data!.brandDna.wordsToAvoid).toContain("cheap");
    const item = await ok(
      mutate(
        "createContentItem",
        { fields: { type: "SOCIAL_POST", title: "Deal", body: "Cheap croissants all week!" } },
        SAM,
        "blue-bottle",
      ),
    );
    expect(item.brandCheck).toEqual({
      passed: false,
      brandDnaVersion: brand.body.data!.brandDna.version,
      issues: [{ code: "WORD_TO_AVOID", message: 'Uses "cheap", which the brand avoids.' }],
    });
    const found = await h.gql<{ contentItems: { totalCount: number; nodes: { title: string }[] } }>(
      `{ contentItems(first: 5, filter: { search: "croissants", types: [SOCIAL_POST], statuses: [DRAFT] }) { totalCount nodes { title } } }`,
      { as: SAM, account: "blue-bottle" },
    );
    expect(found.body.data!.contentItems).toEqual({ totalCount: 1, nodes: [{ title: "Deal" }] });
  });

  it("lists items with their relations in the same number of statements however many there are", async () => {
    const LIST = `{ contentItems(first: 50) { totalCount nodes {
        title status brandCheck { passed issues { code } } campaign { name } createdBy { name } updatedBy { name }
        versions(first: 2) { totalCount nodes { version createdBy { name } } }
        approvals { decision requestedBy { name } reviewer { name } } } } }`;
    const list = async () => {
      h.counter.reset();
      const res = await h.gql<{ contentItems: { totalCount: number; nodes: unknown[] } }>(LIST, {
        as: SAM,
        account: "blue-bottle",
      });
      expect(res.body.errors).toBeUndefined();
      return { rows: res.body.data!.contentItems.nodes.length, statements: h.counter.count };
    };
    const before = await list();
    for (const title of ["One", "Two", "Three"]) {
      const item = await ok(
        mutate(
          "createContentItem",
          { fields: { type: "SMS", title, body: "Fresh bread at 7." } },
          SAM,
          "blue-bottle",
        ),
      );
      await ok(mutate("requestContentReview", at(item), SAM, "blue-bottle"));
    }
    const after = await list();
    expect(after.rows).toBe(before.rows + 3);
    expect(after.statements).toBe(before.statements);
  });

  it("keeps another tenant's items out of reach", async () => {
    const item = await ok(
      mutate(
        "createContentItem",
        { fields: { type: "EMAIL", title: "Secret", subject: "Hi", body: "Ours." } },
        SAM,
        "blue-bottle",
      ),
    );
    const byId = await h.gql<{ contentItem: unknown; node: unknown }>(
      `query($id: ID!) { contentItem(id: $id) { id } node(id: $id) { id } }`,
      { as: ADAM, account: "northwind", variables: { id: item.id } },
    );
    expect(byId.body.data).toEqual({ contentItem: null, node: null });
    for (const [name, input] of [
      ["updateContentItem", { ...at(item), changes: { body: "Theirs." } }],
      ["requestContentReview", at(item)],
      ["archiveContentItem", at(item)],
      ["restoreContentVersion", { ...at(item), restoreVersion: 1 }],
    ] as const) {
      expect(await mutate(name, input, ADAM, "northwind")).toEqual({
        contentItem: null,
        userErrors: [{ field: "id", code: "NOT_FOUND" }],
      });
    }
    // A campaign of another tenant cannot be referenced either.
    const theirs = (
      await h.gql<{ campaigns: { nodes: { id: string }[] } }>(`{ campaigns(first: 1) { nodes { id } } }`, {
        as: SAM,
        account: "blue-bottle",
      })
    ).body.data!.campaigns.nodes[0]!;
    expect(
      (
        await mutate(
          "createContentItem",
          { fields: { type: "SMS", title: "Borrowed", campaignId: theirs.id } },
          ADAM,
          "northwind",
        )
      ).userErrors,
    ).toEqual([{ field: "campaignId", code: "NOT_FOUND" }]);
    const [row] = await h.owner.sql<
      { body: string }[]
    >`select body from content_items where id = ${Buffer.from(item.id, "base64").toString().split(":")[1]!}`;
    expect(row!.body).toBe("Ours.");

    // A viewer reads but does not write.
    const viewer = await h.gql<{ contentItems: { totalCount: number } }>(`{ contentItems { totalCount } }`, {
      as: VICTOR,
      account: "acme-outdoor",
    });
    expect(viewer.body.data!.contentItems.totalCount).toBeGreaterThan(0);
    expect(
      (await mutate("createContentItem", { fields: { type: "SMS", title: "No" } }, VICTOR, "acme-outdoor"))
        .userErrors,
    ).toEqual([{ field: null, code: "FORBIDDEN" }]);
  });

  it("links an item to its template by the template's own global id", async () => {
    const created = await h.gql<{ createTemplate: { template: { id: string } } }>(
      `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { template { id } } }`,
      {
        as: SAM,
        account: "blue-bottle",
        variables: { input: { kind: "CONTENT", fields: { name: "Daily special", body: "Today: bread." } } },
      },
    );
    const templateId = created.body.data!.createTemplate.template.id;
    const item = await ok(
      mutate(
        "createContentItem",
        { fields: { type: "SOCIAL_POST", title: "Special", body: "Today: bread.", templateId } },
        SAM,
        "blue-bottle",
      ),
    );
    const read = await h.gql<{ node: { templateId: string } }>(
      `query($id: ID!) { node(id: $id) { ... on ContentItem { templateId } } }`,
      { as: SAM, account: "blue-bottle", variables: { id: item.id } },
    );
    expect(read.body.data!.node.templateId).toBe(templateId);
    const template = await h.gql<{ node: { name: string } | null }>(
      `query($id: ID!) { node(id: $id) { ... on Template { name } } }`,
      { as: SAM, account: "blue-bottle", variables: { id: read.body.data!.node.templateId } },
    );
    expect(template.body.data!.node).toEqual({ name: "Daily special" });
  });

  it("seeds demo content whose stored brand check is what checkBrand says", async () => {
    const rows = await h.owner.sql<
      {
        type: "social_post" | "email" | "blog_post" | "ad_copy" | "sms";
        title: string;
        body: string;
        passed: boolean;
        stored_version: number;
        version: number;
        words_to_avoid: string[];
        keywords: string[];
      }[]
    >`select i.type, i.title, i.body, (i.brand_check->>'passed')::boolean as passed,
             (i.brand_check->>'brandDnaVersion')::int as stored_version, b.version, b.words_to_avoid, b.keywords
        from content_items i join brand_dna b on b.account_id = i.account_id`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const brand = { version: row.version, wordsToAvoid: row.words_to_avoid, keywords: row.keywords };
      const check = checkBrand({ text: row.body, type: row.type, channel: DEFAULT_CHANNEL[row.type], brand });
      expect({ title: row.title, passed: row.passed, version: row.stored_version }).toEqual({
        title: row.title,
        passed: check.passed,
        version: row.version,
      });
    }
  });

  it("lists a campaign's content like its stats count it: archived only when asked for", async () => {
    type Page = { totalCount: number; nodes: { id: string; title: string; version: number }[] };
    type Campaign = { stats: { contentItems: number }; contentItems: Page; archived: Page };
    const read = async () =>
      (
        await h.gql<{ campaigns: { nodes: Campaign[] } }>(
          `{ campaigns(filter: { search: "Winter menu" }) { nodes {
              stats { contentItems }
              contentItems(first: 10) { totalCount nodes { id title version } }
              archived: contentItems(first: 10, statuses: [ARCHIVED]) { totalCount nodes { id title version } }
            } } }`,
          { as: SAM, account: "blue-bottle" },
        )
      ).body.data!.campaigns.nodes[0]!;
    const before = await read();
    expect(before.contentItems.totalCount).toBe(before.contentItems.nodes.length);
    expect(before.contentItems.totalCount).toBe(before.stats.contentItems);
    expect(before.archived.totalCount).toBe(0);

    const draft = before.contentItems.nodes.find((n) => n.title === "Holiday pre-orders")!;
    await ok(mutate("archiveContentItem", { id: draft.id, version: draft.version }, SAM, "blue-bottle"));
    const after = await read();
    expect(after.contentItems.nodes.map((n) => n.title)).not.toContain("Holiday pre-orders");
    expect(after.contentItems.totalCount).toBe(before.contentItems.totalCount - 1);
    expect(after.stats.contentItems).toBe(after.contentItems.totalCount);
    expect(after.archived).toMatchObject({ totalCount: 1, nodes: [{ title: "Holiday pre-orders" }] });
  });
});
