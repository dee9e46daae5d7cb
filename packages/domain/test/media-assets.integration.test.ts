// Media assets on real PostgreSQL, with an in-memory MediaStorage: the type allowlist checked
// against the bytes, size limit, checksum and image size, edits, soft delete, tenant isolation.
import { createHash, randomUUID } from "node:crypto";
import { solidPng as png } from "@markettina/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteMediaAsset,
  MAX_MEDIA_BYTES,
  type MediaStorage,
  type OperationContext,
  readMediaAsset,
  updateMediaAsset,
  uploadMediaAsset,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const shop = randomUUID();
const rival = randomUUID();
const user = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'm@example.test', 'Marketer')`;
  await h.owner`insert into accounts (id, name, slug) values (${shop}, 'Shop', 'shop'), (${rival}, 'Rival', 'rival')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(
  op: (ctx: OperationContext) => Promise<T>,
  options: { role?: "member" | "viewer"; account?: string } = {},
): Promise<T> =>
  h.run({ accountId: options.account ?? shop, userId: user, role: options.role ?? "member" }, op);

/** A storage that keeps bytes in a map (the filesystem one is tested over HTTP). */
function memoryStorage(): MediaStorage & { objects: Map<string, { bytes: Uint8Array; mimeType: string }> } {
  const objects = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  return {
    objects,
    put: async (key, bytes, mimeType) => void objects.set(key, { bytes: Uint8Array.from(bytes), mimeType }),
    get: async (key) => {
      const object = objects.get(key);
      return object
        ? (async function* () {
            yield object.bytes;
          })()
        : null;
    },
    delete: async (key) => void objects.delete(key),
  };
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

describe("uploading media", () => {
  it("stores an image with its checksum and size under a key made of ids, and reads it back", async () => {
    const storage = memoryStorage();
    const bytes = png(3, 2);
    const asset = await as((ctx) =>
      uploadMediaAsset(
        ctx,
        { fileName: "../../etc/Banner\u0000.png", mimeType: "Image/PNG", bytes, tags: ["hero", "hero"] },
        storage,
      ),
    );
    expect(asset).toMatchObject({
      fileName: "Banner.png",
      mimeType: "image/png",
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      width: 3,
      height: 2,
      tags: ["hero"],
      storageKey: `${shop}/${asset.id}`,
      createdBy: user,
    });
    expect(storage.objects.get(asset.storageKey)).toEqual({
      bytes: Uint8Array.from(bytes),
      mimeType: "image/png",
    });
    const read = await as((ctx) => readMediaAsset(ctx, { id: asset.id }, storage));
    expect((await collect(read.body)).equals(bytes)).toBe(true);
    const audit = await h.owner`select action from audit_logs where entity_id = ${asset.id}`;
    expect(audit.map((a) => a.action)).toEqual(["media_asset.uploaded"]);
  });

  it("accepts a PDF and an MP4 without dimensions", async () => {
    const storage = memoryStorage();
    const pdf = await as((ctx) =>
      uploadMediaAsset(
        ctx,
        { fileName: "brief.pdf", mimeType: "application/pdf", bytes: Buffer.from("%PDF-1.7\n%%EOF\n") },
        storage,
      ),
    );
    expect(pdf).toMatchObject({ mimeType: "application/pdf", width: null, height: null });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(12)]);
    await expect(
      as((ctx) =>
        uploadMediaAsset(ctx, { fileName: "clip.mp4", mimeType: "video/mp4", bytes: mp4 }, storage),
      ),
    ).resolves.toMatchObject({ mimeType: "video/mp4" });
  });

  it.each([
    ["a type off the list", "text/html", Buffer.from("<html><script>alert(1)</script>"), "mimeType"],
    [
      "SVG, which can carry script",
      "image/svg+xml",
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      "mimeType",
    ],
    [
      "HTML claiming to be a PNG",
      "image/png",
      Buffer.from("<html><script>alert(1)</script></html>"),
      "mimeType",
    ],
    ["a truncated PNG", "image/png", png(4, 4).subarray(0, 12), "bytes"],
    ["an empty file", "application/pdf", Buffer.alloc(0), "bytes"],
    [
      "a file over the size limit",
      "application/pdf",
      Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(MAX_MEDIA_BYTES)]),
      "bytes",
    ],
  ])("refuses %s", async (_what, mimeType, bytes, field) => {
    const storage = memoryStorage();
    await expect(
      as((ctx) => uploadMediaAsset(ctx, { fileName: "f", mimeType, bytes }, storage)),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field }] });
    expect(storage.objects.size).toBe(0);
  });

  it("leaves no row when the storage fails, and refuses viewers", async () => {
    const failing: MediaStorage = {
      ...memoryStorage(),
      put: async () => {
        throw new Error("disk full");
      },
    };
    await expect(
      as((ctx) =>
        uploadMediaAsset(ctx, { fileName: "lost.png", mimeType: "image/png", bytes: png(1, 1) }, failing),
      ),
    ).rejects.toThrow("disk full");
    const rows = await h.owner`select count(*)::int as n from media_assets where file_name = 'lost.png'`;
    expect(rows[0]!.n).toBe(0);
    await expect(
      as(
        (ctx) =>
          uploadMediaAsset(
            ctx,
            { fileName: "v.png", mimeType: "image/png", bytes: png(1, 1) },
            memoryStorage(),
          ),
        {
          role: "viewer",
        },
      ),
    ).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
  });
});

describe("managing media", () => {
  it("edits alt text and tags, soft-deletes, and keeps assets within their account", async () => {
    const storage = memoryStorage();
    const asset = await as((ctx) =>
      uploadMediaAsset(ctx, { fileName: "logo.png", mimeType: "image/png", bytes: png(2, 2) }, storage),
    );
    const edited = await as((ctx) =>
      updateMediaAsset(ctx, { id: asset.id, altText: "  Our logo ", tags: ["brand"] }),
    );
    expect(edited).toMatchObject({ altText: "Our logo", tags: ["brand"], fileName: "logo.png" });

    const attempts: ((ctx: OperationContext) => Promise<unknown>)[] = [
      (ctx: OperationContext) => readMediaAsset(ctx, { id: asset.id }, storage),
      (ctx: OperationContext) => updateMediaAsset(ctx, { id: asset.id, altText: "Stolen" }),
      (ctx: OperationContext) => deleteMediaAsset(ctx, { id: asset.id }),
    ];
    for (const attempt of attempts) {
      await expect(as(attempt, { account: rival })).rejects.toMatchObject({
        errors: [{ code: "NOT_FOUND" }],
      });
    }

    const deleted = await as((ctx) => deleteMediaAsset(ctx, { id: asset.id }));
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    await expect(as((ctx) => readMediaAsset(ctx, { id: asset.id }, storage))).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
    await expect(as((ctx) => deleteMediaAsset(ctx, { id: asset.id }))).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
    // Soft delete: the bytes stay for content that already names the asset, until a purge.
    expect(storage.objects.has(asset.storageKey)).toBe(true);
  });
});
