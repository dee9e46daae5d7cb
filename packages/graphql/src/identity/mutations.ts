// Identity mutations: each parses its input, calls one domain operation, maps the result.
// Payload entities are the rows the operation returned; relations under them are loaded by the
// drizzle plugin's fallback queries inside the same transaction.
import type { schema } from "@markettina/db";
import {
  acceptInvitation,
  createApiKey,
  createSubAccount,
  inviteMember,
  removeMember,
  revokeApiKey,
  revokeInvitation,
  updateAccount,
  updateMembershipRole,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import {
  type MutationResult,
  runAccountlessMutation,
  runMutation,
  UserErrorRef,
} from "../platform/user-errors.ts";
import { AccountPlanEnum, MembershipRoleEnum } from "./enums.ts";
import { AccountRef, ApiKeyRef, InvitationRef, MembershipRef } from "./types.ts";

type AccountRow = typeof schema.accounts.$inferSelect;
type MembershipRow = typeof schema.memberships.$inferSelect;
type InvitationRow = typeof schema.invitations.$inferSelect;
type ApiKeyRow = typeof schema.apiKeys.$inferSelect;

const accountPayload = (name: string) =>
  builder.objectRef<MutationResult<{ account: AccountRow | null }>>(name).implement({
    fields: (t) => ({
      account: t.field({ type: AccountRef, nullable: true, resolve: (p) => p.account }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const membershipPayload = (name: string) =>
  builder.objectRef<MutationResult<{ membership: MembershipRow | null }>>(name).implement({
    fields: (t) => ({
      membership: t.field({ type: MembershipRef, nullable: true, resolve: (p) => p.membership }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const invitationPayload = (name: string) =>
  builder
    .objectRef<MutationResult<{ invitation: InvitationRow | null; token?: string | null }>>(name)
    .implement({
      fields: (t) => ({
        invitation: t.field({ type: InvitationRef, nullable: true, resolve: (p) => p.invitation }),
        userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
      }),
    });

const apiKeyPayload = (name: string) =>
  builder.objectRef<MutationResult<{ apiKey: ApiKeyRow | null; secret?: string | null }>>(name).implement({
    fields: (t) => ({
      apiKey: t.field({ type: ApiKeyRef, nullable: true, resolve: (p) => p.apiKey }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const CreateSubAccountPayload = accountPayload("CreateSubAccountPayload");
const UpdateAccountPayload = accountPayload("UpdateAccountPayload");
const AcceptInvitationPayload = membershipPayload("AcceptInvitationPayload");
const UpdateMembershipRolePayload = membershipPayload("UpdateMembershipRolePayload");
const RevokeInvitationPayload = invitationPayload("RevokeInvitationPayload");
const RevokeApiKeyPayload = apiKeyPayload("RevokeApiKeyPayload");

const InviteMemberPayload = invitationPayload("InviteMemberPayload");
builder.objectField(InviteMemberPayload, "inviteUrlPath", (t) =>
  t.string({
    nullable: true,
    description: "The invitation link's path, shown once: only its hash is stored.",
    resolve: (p) => (p.token ? `/invite/${p.token}` : null),
  }),
);

const CreateApiKeyPayload = apiKeyPayload("CreateApiKeyPayload");
builder.objectField(CreateApiKeyPayload, "secret", (t) =>
  t.string({
    nullable: true,
    description: "The key's secret (mk_…). Returned once, never stored: copy it now.",
    resolve: (p) => p.secret ?? null,
  }),
);

const RemoveMemberPayload = builder
  .objectRef<MutationResult<{ removedMembershipId: string | null }>>("RemoveMemberPayload")
  .implement({
    fields: (t) => ({
      removedMembershipId: t.id({
        nullable: true,
        resolve: (p) => (p.removedMembershipId ? encodeGlobalID("Membership", p.removedMembershipId) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  createSubAccount: t.fieldWithInput({
    type: CreateSubAccountPayload,
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      slug: t.input.string({ required: true }),
      timeZone: t.input.string(),
      locale: t.input.string(),
      plan: t.input.field({ type: AccountPlanEnum }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          account: await createSubAccount(op, {
            name: input.name,
            slug: input.slug,
            timeZone: input.timeZone ?? undefined,
            locale: input.locale ?? undefined,
            plan: input.plan ?? undefined,
          }),
        }),
        { account: null },
      ),
  }),

  updateAccount: t.fieldWithInput({
    type: UpdateAccountPayload,
    description: "Updates the current account.",
    authScopes: { authenticated: true },
    input: {
      name: t.input.string(),
      slug: t.input.string(),
      timeZone: t.input.string(),
      locale: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          account: await updateAccount(op, {
            name: input.name ?? undefined,
            slug: input.slug ?? undefined,
            timeZone: input.timeZone ?? undefined,
            locale: input.locale ?? undefined,
          }),
        }),
        { account: null },
      ),
  }),

  inviteMember: t.fieldWithInput({
    type: InviteMemberPayload,
    authScopes: { authenticated: true },
    input: {
      email: t.input.string({ required: true }),
      role: t.input.field({ type: MembershipRoleEnum, required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, (op) => inviteMember(op, input), { invitation: null, token: null }),
  }),

  revokeInvitation: t.fieldWithInput({
    type: RevokeInvitationPayload,
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: InvitationRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ invitation: await revokeInvitation(op, input.id.id) }), {
        invitation: null,
      }),
  }),

  acceptInvitation: t.fieldWithInput({
    type: AcceptInvitationPayload,
    description: "Signed in: join with your user. Anonymous: name and password create your user.",
    input: {
      token: t.input.string({ required: true }),
      name: t.input.string(),
      password: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runAccountlessMutation(
        ctx,
        async (tx) => ({
          membership: await acceptInvitation(tx, ctx.actor, {
            token: input.token,
            name: input.name ?? undefined,
            password: input.password ?? undefined,
          }),
        }),
        { membership: null },
      ),
  }),

  updateMembershipRole: t.fieldWithInput({
    type: UpdateMembershipRolePayload,
    authScopes: { authenticated: true },
    input: {
      membershipId: t.input.globalID({ required: true, for: MembershipRef }),
      role: t.input.field({ type: MembershipRoleEnum, required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ membership: await updateMembershipRole(op, input.membershipId.id, input.role) }),
        { membership: null },
      ),
  }),

  removeMember: t.fieldWithInput({
    type: RemoveMemberPayload,
    authScopes: { authenticated: true },
    input: { membershipId: t.input.globalID({ required: true, for: MembershipRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ removedMembershipId: await removeMember(op, input.membershipId.id) }),
        {
          removedMembershipId: null,
        },
      ),
  }),

  createApiKey: t.fieldWithInput({
    type: CreateApiKeyPayload,
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      scopes: t.input.stringList({ required: true }),
      expiresAt: t.input.field({ type: "DateTime" }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, (op) => createApiKey(op, input), { apiKey: null, secret: null }),
  }),

  revokeApiKey: t.fieldWithInput({
    type: RevokeApiKeyPayload,
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: ApiKeyRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ apiKey: await revokeApiKey(op, input.id.id) }), { apiKey: null }),
  }),
}));
