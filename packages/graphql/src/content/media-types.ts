// Media asset object type: metadata about an uploaded file; the bytes are at `url` (GET /media/:id
// on the API, for members of the owning account). Uploads go through POST /media, not GraphQL.
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";

export const MediaAssetRef = builder.drizzleNode("mediaAssets", {
  name: "MediaAsset",
  id: { column: (m) => m.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    mimeType: t.exposeString("mimeType"),
    sizeBytes: t.expose("sizeBytes", { type: "SafeInt" }),
    sha256: t.exposeString("sha256", { description: "Hex SHA-256 of the bytes." }),
    altText: t.exposeString("altText"),
    width: t.exposeInt("width", { nullable: true, description: "Images only, in pixels." }),
    height: t.exposeInt("height", { nullable: true }),
    tags: t.exposeStringList("tags"),
    url: t.string({
      description: "Path of the file on the API (GET, authenticated like GraphQL, with X-Account-Id).",
      select: { columns: { id: true } },
      resolve: (m) => `/media/${m.id}`,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    deletedAt: t.expose("deletedAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdByUser", { nullable: true }),
  }),
});

export const MediaAssetConnection = namedConnection(MediaAssetRef, "MediaAsset");
