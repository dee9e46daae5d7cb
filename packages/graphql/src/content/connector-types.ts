// Connectors: where scheduled posts go (SMTP, webhook, the demo log). Everyone who reads content
// sees which connectors exist (to pick one when scheduling); their configuration (recipients,
// URLs, which may themselves be credentials) only those who manage them. The webhook signing
// secret is never readable: it is returned once, by createConnector and rotateConnectorSecret.
import { CONNECTOR_KINDS, publicConfig } from "@markettina/domain";
import { builder } from "../builder.ts";
import { allows } from "../context.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const ConnectorKindEnum = builder.enumType("ConnectorKind", { values: upper(CONNECTOR_KINDS) });

export const ConnectorRef = builder.drizzleNode("connectors", {
  name: "Connector",
  id: { column: (c) => c.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    kind: t.expose("kind", { type: ConnectorKindEnum }),
    name: t.exposeString("name"),
    config: t.field({
      type: "JSON",
      nullable: true,
      description:
        "SMTP {from, to, replyTo}, webhook {url, headers} (header values hidden), log {}. Null unless you may manage connectors.",
      select: { columns: { kind: true, config: true } },
      resolve: (c, _args, ctx) => (allows(ctx, "connectors:manage") ? publicConfig(c) : null),
    }),
    enabled: t.exposeBoolean("enabled", { description: "A disabled connector publishes nothing." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const ConnectorConnection = namedConnection(ConnectorRef, "Connector");
