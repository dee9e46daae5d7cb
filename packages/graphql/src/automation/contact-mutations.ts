// Contact mutations: each parses its input, calls one domain operation, answers the contact(s).
import {
  type ContactRow,
  createContact,
  deleteContacts,
  restoreContact,
  setConsent,
  tagContacts,
  updateContact,
  upsertContacts,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import {
  ConsentChannelEnum,
  ConsentStatusEnum,
  ConsentTypeEnum,
  ContactRef,
  ContactStatusEnum,
} from "./contact-types.ts";

const contactPayload = (name: string) =>
  builder.objectRef<MutationResult<{ contact: ContactRow }>>(name).implement({
    fields: (t) => ({
      contact: t.field({ type: ContactRef, nullable: true, resolve: (p) => p.contact }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const ContactFieldsInput = builder.inputType("ContactFieldsInput", {
  fields: (t) => ({
    email: t.string({ description: "Stored lower-case; unique in the account." }),
    phone: t.string({ description: "International format (E.164), e.g. +14155550123." }),
    firstName: t.string(),
    lastName: t.string(),
    attributes: t.field({ type: "JSON", description: "A flat object: strings, numbers, booleans, nulls." }),
    tags: t.stringList(),
    timeZone: t.string({ description: "IANA zone, e.g. Europe/Rome." }),
    externalId: t.string({ description: "Your system's id for the contact (unique in the account)." }),
    status: t.field({ type: ContactStatusEnum }),
  }),
});

type Fields = typeof ContactFieldsInput.$inferInput;
/** Omitted fields are left alone; nullable ones (email, phone, externalId) are cleared with null. */
const NULLABLE = new Set(["email", "phone", "externalId"]);
const changesOf = (f: Fields) =>
  Object.fromEntries(
    Object.entries(f).filter(([k, v]) => v !== undefined && (v !== null || NULLABLE.has(k))),
  ) as Parameters<typeof createContact>[1];

const ContactUpsertInput = builder.inputType("ContactUpsertInput", {
  description: "A contact matched by e-mail. Omitted fields keep their value; attributes merge, tags add up.",
  fields: (t) => ({
    email: t.string({ required: true }),
    phone: t.string(),
    firstName: t.string(),
    lastName: t.string(),
    attributes: t.field({ type: "JSON", description: "Merged into the contact's; a null removes one." }),
    tags: t.stringList({ description: "Added to the contact's tags." }),
    timeZone: t.string(),
    externalId: t.string(),
    emailConsent: t.field({
      type: ConsentStatusEnum,
      description: "E-mail marketing consent, recorded only if the contact has no decision yet.",
    }),
  }),
});

const UpsertContactsPayload = builder
  .objectRef<MutationResult<{ created: number; updated: number; contacts: ContactRow[] }>>(
    "UpsertContactsPayload",
  )
  .implement({
    fields: (t) => ({
      created: t.int({ nullable: true, resolve: (p) => p.created }),
      updated: t.int({ nullable: true, resolve: (p) => p.updated }),
      contacts: t.field({ type: [ContactRef], resolve: (p) => p.contacts ?? [] }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const ContactsPayload = (name: string) =>
  builder.objectRef<MutationResult<{ contacts: ContactRow[] }>>(name).implement({
    fields: (t) => ({
      contacts: t.field({ type: [ContactRef], resolve: (p) => p.contacts ?? [] }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const DeleteContactsPayload = builder
  .objectRef<MutationResult<{ deletedIds: string[] }>>("DeleteContactsPayload")
  .implement({
    fields: (t) => ({
      deletedIds: t.idList({
        description: "The contacts moved to the trash (others named were not found or already there).",
        resolve: (p) => (p.deletedIds ?? []).map((id) => Buffer.from(`Contact:${id}`).toString("base64")),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  createContact: t.fieldWithInput({
    type: contactPayload("CreateContactPayload"),
    authScopes: { authenticated: true },
    input: { fields: t.input.field({ type: ContactFieldsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ contact: await createContact(op, changesOf(input.fields)) }), {
        contact: null,
      }),
  }),
  updateContact: t.fieldWithInput({
    type: contactPayload("UpdateContactPayload"),
    description: "Edits a contact. Send the version you read; a newer one is a CONFLICT.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: ContactRef }),
      version: t.input.int({ required: true }),
      changes: t.input.field({ type: ContactFieldsInput, required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contact: await updateContact(op, {
            id: input.id.id,
            version: input.version,
            changes: changesOf(input.changes),
          }),
        }),
        { contact: null },
      ),
  }),
  deleteContacts: t.fieldWithInput({
    type: DeleteContactsPayload,
    description: "Moves contacts to the trash (restorable for 30 days); at most 1,000 at a time.",
    authScopes: { authenticated: true },
    input: { ids: t.input.globalIDList({ required: true, for: ContactRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ deletedIds: (await deleteContacts(op, { ids: input.ids.map((i) => i.id) })).ids }),
        { deletedIds: null },
      ),
  }),
  restoreContact: t.fieldWithInput({
    type: contactPayload("RestoreContactPayload"),
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: ContactRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ contact: await restoreContact(op, { id: input.id.id }) }), {
        contact: null,
      }),
  }),
  tagContacts: t.fieldWithInput({
    type: ContactsPayload("TagContactsPayload"),
    description: "Adds and removes tags on up to 1,000 contacts.",
    authScopes: { authenticated: true },
    input: {
      ids: t.input.globalIDList({ required: true, for: ContactRef }),
      add: t.input.stringList(),
      remove: t.input.stringList(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contacts: await tagContacts(op, {
            ids: input.ids.map((i) => i.id),
            add: input.add ?? [],
            remove: input.remove ?? [],
          }),
        }),
        { contacts: null },
      ),
  }),
  upsertContacts: t.fieldWithInput({
    type: UpsertContactsPayload,
    description:
      "Creates or updates up to 1,000 contacts by e-mail, all or nothing: userErrors name every bad row (contacts.<i>.<field>).",
    authScopes: { authenticated: true },
    input: { contacts: t.input.field({ type: [ContactUpsertInput], required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        (op) =>
          upsertContacts(op, {
            contacts: input.contacts.map((c) =>
              Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null && v !== undefined)),
            ) as Parameters<typeof upsertContacts>[1]["contacts"],
          }),
        { created: null, updated: null, contacts: null },
      ),
  }),
  setConsent: t.fieldWithInput({
    type: contactPayload("SetConsentPayload"),
    description: "Records consent as the person gave it; granting e-mail marketing re-subscribes.",
    authScopes: { authenticated: true },
    input: {
      contactId: t.input.globalID({ required: true, for: ContactRef }),
      channel: t.input.field({ type: ConsentChannelEnum, required: true }),
      type: t.input.field({ type: ConsentTypeEnum, required: true }),
      status: t.input.field({ type: ConsentStatusEnum, required: true }),
      source: t.input.string({
        description: "Where it was given: form, console, api… (default console or api).",
      }),
      ip: t.input.string({ description: "The person's address when they gave it (a form's), if not yours." }),
      userAgent: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contact: await setConsent(op, {
            contactId: input.contactId.id,
            channel: input.channel,
            type: input.type,
            status: input.status,
            source: input.source ?? undefined,
            ip: input.ip,
            userAgent: input.userAgent,
          }),
        }),
        { contact: null },
      ),
  }),
}));
