// Connector mutations (owners and admins: connectors:manage, checked by the domain). Each calls one
// domain operation. `signingSecret` is in the payload of create (webhooks) and rotate only: it is
// shown once, and no read returns it.
import {
  type ConnectorRow,
  createConnector,
  deleteConnector,
  rotateConnectorSecret,
  updateConnector,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { ConnectorKindEnum, ConnectorRef } from "./connector-types.ts";

type Result = MutationResult<{ connector: ConnectorRow; signingSecret?: string | null }>;

const payload = (name: string, secret: boolean) =>
  builder.objectRef<Result>(name).implement({
    fields: (t) => ({
      connector: t.field({ type: ConnectorRef, nullable: true, resolve: (p) => p.connector }),
      ...(secret
        ? {
            signingSecret: t.string({
              nullable: true,
              description:
                "Webhooks: the secret deliveries are signed with (HMAC-SHA256 over timestamp.body). Shown once: copy it to the receiver now.",
              resolve: (p) => p.signingSecret ?? null,
            }),
          }
        : {}),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const DeleteConnectorPayload = builder
  .objectRef<MutationResult<{ deletedConnectorId: string }>>("DeleteConnectorPayload")
  .implement({
    fields: (t) => ({
      deletedConnectorId: t.id({
        nullable: true,
        resolve: (p) => (p.deletedConnectorId ? encodeGlobalID("Connector", p.deletedConnectorId) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type FieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];
const idField = (t: FieldBuilder) => ({ id: t.input.globalID({ required: true, for: ConnectorRef }) });

builder.mutationFields((t) => ({
  createConnector: t.fieldWithInput({
    type: payload("CreateConnectorPayload", true),
    description: "Sets up where posts go. A webhook gets a signing secret, returned here once.",
    authScopes: { authenticated: true },
    input: {
      kind: t.input.field({ type: ConnectorKindEnum, required: true }),
      name: t.input.string({ required: true }),
      config: t.input.field({
        type: "JSON",
        description: "SMTP {from, to: [mailbox], replyTo?}; webhook {url, headers?}; log {}.",
      }),
      enabled: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        (op) =>
          createConnector(op, {
            kind: input.kind,
            name: input.name,
            config: input.config ?? {},
            enabled: input.enabled ?? undefined,
          }),
        { connector: null, signingSecret: null },
      ),
  }),
  updateConnector: t.fieldWithInput({
    type: payload("UpdateConnectorPayload", false),
    description:
      "Renames, reconfigures (the whole config; hidden header values sent back keep theirs), enables or disables.",
    authScopes: { authenticated: true },
    input: {
      ...idField(t),
      name: t.input.string(),
      config: t.input.field({ type: "JSON" }),
      enabled: t.input.boolean(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          connector: await updateConnector(op, {
            id: input.id.id,
            name: input.name ?? undefined,
            config: input.config ?? undefined,
            enabled: input.enabled ?? undefined,
          }),
        }),
        { connector: null },
      ),
  }),
  rotateConnectorSecret: t.fieldWithInput({
    type: payload("RotateConnectorSecretPayload", true),
    description: "Webhooks: replaces the signing secret at once and returns the new one, once.",
    authScopes: { authenticated: true },
    input: idField(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, (op) => rotateConnectorSecret(op, { id: input.id.id }), {
        connector: null,
        signingSecret: null,
      }),
  }),
  deleteConnector: t.fieldWithInput({
    type: DeleteConnectorPayload,
    description: "Refused (CONFLICT) while posts use the connector: disable it instead.",
    authScopes: { authenticated: true },
    input: idField(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ deletedConnectorId: (await deleteConnector(op, { id: input.id.id })).id }),
        { deletedConnectorId: null },
      ),
  }),
}));
