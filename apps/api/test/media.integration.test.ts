// Media over HTTP: real bytes uploaded to POST /media land under the configured directory and come
// back identical from GET /media/:id; other tenants get 404; types off the allowlist are refused;
// the GraphQL library lists, edits and deletes assets in constant statements.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { solidPng } from "@markettina/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const OLIVIA = "olivia.owner@northwind.test";
let h: Harness;
let mediaDir: string;
let blueBottle: string;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), "markettina-media-"));
  h = await startHarness({ config: { mediaDir } });
  blueBottle = (await h.owner.sql<{ id: string }[]>`select id from accounts where slug = 'blue-bottle'`)[0]!
    .id;
});
afterAll(async () => {
  await h?.close();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

const png = (width: number, height: number) => solidPng(width, height, 0x2a);

interface Asset {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  url: string;
}

async function auth(who: { as?: string; bearer?: string; account?: string }) {
  const headers: Record<string, string> = {};
  const bearer = who.bearer ?? (who.as ? await h.consoleToken(who.as) : undefined);
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (who.account) headers["x-account-id"] = who.account;
  return headers;
}

const SAM_HERE = { as: SAM, account: "blue-bottle" };

async function upload(
  bytes: Buffer,
  options: { type: string; name: string; who?: { as?: string; bearer?: string; account?: string } },
) {
  const res = await fetch(`${h.api.url}/media`, {
    method: "POST",
    headers: {
      ...(await auth(options.who ?? SAM_HERE)),
      "content-type": options.type,
      "x-file-name": encodeURIComponent(options.name),
    },
    body: bytes,
  });
  return {
    status: res.status,
    body: (await res.json()) as Asset & { userErrors?: { field: string; code: string }[] },
  };
}

const download = async (url: string, who: { as?: string; bearer?: string; account?: string } = SAM_HERE) =>
  fetch(`${h.api.url}${url}`, { headers: await auth(who) });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("POST /media and GET /media/:id", () => {
  it("stores the uploaded bytes under the configured directory and serves them back identical", async () => {
    const bytes = png(5, 3);
    const up = await upload(bytes, { type: "image/png", name: "Café banner.png" });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      fileName: "Café banner.png",
      mimeType: "image/png",
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      width: 5,
      height: 3,
    });
    const uuid = up.body.url.replace("/media/", "");
    expect(up.body.url).toMatch(/^\/media\/[0-9a-f-]{36}$/);
    const stored = path.join(mediaDir, blueBottle, uuid);
    expect(await filesUnder(mediaDir)).toEqual([stored]);
    expect((await readFile(stored)).equals(bytes)).toBe(true);

    const res = await download(up.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="Caf_ banner.png"; filename*=UTF-8''Caf%C3%A9%20banner.png`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    // The same id as the GraphQL node.
    const listed = await h.gql<{ mediaAssets: { nodes: { id: string; url: string }[] } }>(
      `{ mediaAssets(first: 10) { nodes { id url } } }`,
      SAM_HERE,
    );
    expect(listed.body.data!.mediaAssets.nodes).toContainEqual({ id: up.body.id, url: up.body.url });
  });

  it("answers 404 to another tenant and refuses callers without credentials or access", async () => {
    const up = await upload(png(1, 1), { type: "image/png", name: "private.png" });
    expect((await download(up.body.url, { as: OLIVIA, account: "northwind" })).status).toBe(404);
    expect((await download(up.body.url, { as: OLIVIA, account: "blue-bottle" })).status).toBe(403);
    expect((await download(up.body.url, {})).status).toBe(401);
    expect((await download("/media/not-a-uuid")).status).toBe(404);
    const anonymous = await fetch(`${h.api.url}/media`, {
      method: "POST",
      headers: { "content-type": "image/png", "x-file-name": "a.png" },
      body: png(1, 1),
    });
    expect(anonymous.status).toBe(401);
  });

  it("refuses types off the allowlist and bytes that are not what they claim, storing nothing", async () => {
    const before = await filesUnder(mediaDir);
    for (const [type, body] of [
      ["text/html", "<html><script>alert(1)</script></html>"],
      ["image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"],
      ["image/png", "<html><script>alert(1)</script></html>"],
    ] as const) {
      const res = await upload(Buffer.from(body), { type, name: "evil" });
      expect(res.status).toBe(415);
      expect(res.body.userErrors).toEqual([expect.objectContaining({ field: "mimeType", code: "INVALID" })]);
    }
    const huge = await upload(Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(20 * 1024 * 1024)]), {
      type: "application/pdf",
      name: "huge.pdf",
    });
    expect(huge.status).toBe(413);
    expect(await filesUnder(mediaDir)).toEqual(before);
  });

  it("honours API key scopes: content:write uploads, content:read only downloads", async () => {
    const key = async (scopes: string[]) =>
      (
        await h.gql<{ createApiKey: { secret: string } }>(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
          { ...SAM_HERE, variables: { input: { name: scopes.join(","), scopes } } },
        )
      ).body.data!.createApiKey.secret;
    const writer = await key(["content:write"]);
    const reader = await key(["content:read"]);
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    const up = await upload(pdf, { type: "application/pdf", name: "brief.pdf", who: { bearer: writer } });
    expect(up.status).toBe(201);
    expect(
      (await upload(pdf, { type: "application/pdf", name: "x.pdf", who: { bearer: reader } })).status,
    ).toBe(403);
    const res = await download(up.body.url, { bearer: reader });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe("the media library over GraphQL", () => {
  const LIST = `query($filter: MediaAssetFilter) {
    mediaAssets(first: 50, filter: $filter) { totalCount nodes { id fileName mimeType altText tags url createdBy { name } } } }`;
  const list = (filter: Record<string, unknown>) =>
    h.gql<{
      mediaAssets: {
        totalCount: number;
        nodes: { id: string; fileName: string; altText: string; tags: string[] }[];
      };
    }>(LIST, { ...SAM_HERE, variables: { filter } });

  it("filters by kind, tag and name, edits alt text and tags, deletes, in constant statements", async () => {
    const logo = (await upload(png(2, 2), { type: "image/png", name: "logo-dark.png" })).body;
    await upload(Buffer.from("%PDF-1.7\n"), { type: "application/pdf", name: "price list.pdf" });

    const edited = await h.gql<{
      updateMediaAsset: { mediaAsset: { altText: string; tags: string[] }; userErrors: unknown[] };
    }>(
      `mutation($input: UpdateMediaAssetInput!) {
        updateMediaAsset(input: $input) { mediaAsset { altText tags } userErrors { field code } } }`,
      { ...SAM_HERE, variables: { input: { id: logo.id, altText: "Dark logo", tags: ["brand"] } } },
    );
    expect(edited.body.data!.updateMediaAsset).toEqual({
      mediaAsset: { altText: "Dark logo", tags: ["brand"] },
      userErrors: [],
    });
    const images = (await list({ mimePrefix: "image/" })).body.data!.mediaAssets;
    expect(images.nodes.every((n) => n.fileName.endsWith(".png"))).toBe(true);
    expect((await list({ tag: "brand" })).body.data!.mediaAssets.nodes.map((n) => n.fileName)).toEqual([
      "logo-dark.png",
    ]);
    expect((await list({ search: "PRICE" })).body.data!.mediaAssets.totalCount).toBe(1);

    h.counter.reset();
    await list({});
    const statements = h.counter.count;
    await upload(png(1, 2), { type: "image/png", name: "more.png" });
    h.counter.reset();
    await list({});
    expect(h.counter.count).toBe(statements);

    const stolen = await h.gql<{ deleteMediaAsset: { userErrors: { code: string }[] } }>(
      `mutation($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { userErrors { code } } }`,
      { as: OLIVIA, account: "northwind", variables: { input: { id: logo.id } } },
    );
    expect(stolen.body.data!.deleteMediaAsset.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const deleted = await h.gql<{ deleteMediaAsset: { mediaAsset: { deletedAt: string | null } } }>(
      `mutation($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { mediaAsset { deletedAt } } }`,
      { ...SAM_HERE, variables: { input: { id: logo.id } } },
    );
    expect(deleted.body.data!.deleteMediaAsset.mediaAsset.deletedAt).not.toBeNull();
    expect((await list({ tag: "brand" })).body.data!.mediaAssets.totalCount).toBe(0);
    expect((await download(logo.url)).status).toBe(404);
  });
});
