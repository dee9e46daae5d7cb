// Drizzle relational-query (v2) relations; the GraphQL layer plans nested reads from these.
import { defineRelations } from "drizzle-orm";
import * as schema from "./schema/index.ts";

export const relations = defineRelations(schema, (r) => ({
  accounts: {
    parentAccount: r.one.accounts({
      from: r.accounts.parentAccountId,
      to: r.accounts.id,
      alias: "account_parent",
    }),
    subAccounts: r.many.accounts({
      from: r.accounts.id,
      to: r.accounts.parentAccountId,
      alias: "account_parent",
    }),
    memberships: r.many.memberships({ from: r.accounts.id, to: r.memberships.accountId }),
    invitations: r.many.invitations({ from: r.accounts.id, to: r.invitations.accountId }),
    apiKeys: r.many.apiKeys({ from: r.accounts.id, to: r.apiKeys.accountId }),
    auditLogs: r.many.auditLogs({ from: r.accounts.id, to: r.auditLogs.accountId }),
    wallet: r.one.tokenWallets({ from: r.accounts.id, to: r.tokenWallets.accountId }),
    invoices: r.many.invoices({ from: r.accounts.id, to: r.invoices.accountId }),
  },
  users: {
    memberships: r.many.memberships({ from: r.users.id, to: r.memberships.userId }),
  },
  memberships: {
    account: r.one.accounts({ from: r.memberships.accountId, to: r.accounts.id, optional: false }),
    user: r.one.users({ from: r.memberships.userId, to: r.users.id, optional: false }),
  },
  invitations: {
    account: r.one.accounts({ from: r.invitations.accountId, to: r.accounts.id, optional: false }),
    invitedBy: r.one.users({ from: r.invitations.createdBy, to: r.users.id }),
  },
  apiKeys: {
    account: r.one.accounts({ from: r.apiKeys.accountId, to: r.accounts.id, optional: false }),
    createdByUser: r.one.users({ from: r.apiKeys.createdBy, to: r.users.id }),
  },
  auditLogs: {
    account: r.one.accounts({ from: r.auditLogs.accountId, to: r.accounts.id, optional: false }),
    actorUser: r.one.users({ from: r.auditLogs.actorUserId, to: r.users.id }),
    actorApiKey: r.one.apiKeys({
      from: [r.auditLogs.accountId, r.auditLogs.actorApiKeyId],
      to: [r.apiKeys.accountId, r.apiKeys.id],
    }),
  },
  tokenWallets: {
    account: r.one.accounts({ from: r.tokenWallets.accountId, to: r.accounts.id, optional: false }),
    autoRechargePackage: r.one.tokenPackages({
      from: r.tokenWallets.autoRechargePackageId,
      to: r.tokenPackages.id,
    }),
    transactions: r.many.tokenTransactions({
      from: [r.tokenWallets.accountId, r.tokenWallets.id],
      to: [r.tokenTransactions.accountId, r.tokenTransactions.walletId],
    }),
  },
  tokenTransactions: {
    wallet: r.one.tokenWallets({
      from: [r.tokenTransactions.accountId, r.tokenTransactions.walletId],
      to: [r.tokenWallets.accountId, r.tokenWallets.id],
      optional: false,
    }),
    actorUser: r.one.users({ from: r.tokenTransactions.actorUserId, to: r.users.id }),
    counterpartyAccount: r.one.accounts({
      from: r.tokenTransactions.counterpartyAccountId,
      to: r.accounts.id,
      alias: "transaction_counterparty",
    }),
  },
  tokenReservations: {
    wallet: r.one.tokenWallets({
      from: [r.tokenReservations.accountId, r.tokenReservations.walletId],
      to: [r.tokenWallets.accountId, r.tokenWallets.id],
      optional: false,
    }),
  },
  serviceMarkups: {
    subAccount: r.one.accounts({
      from: r.serviceMarkups.subAccountId,
      to: r.accounts.id,
      alias: "markup_sub_account",
      optional: false,
    }),
  },
  invoices: {
    account: r.one.accounts({ from: r.invoices.accountId, to: r.accounts.id, optional: false }),
    items: r.many.invoiceItems({
      from: [r.invoices.accountId, r.invoices.id],
      to: [r.invoiceItems.accountId, r.invoiceItems.invoiceId],
    }),
    payments: r.many.payments({
      from: [r.invoices.accountId, r.invoices.id],
      to: [r.payments.accountId, r.payments.invoiceId],
    }),
    promoCode: r.one.promoCodes({ from: r.invoices.promoCodeId, to: r.promoCodes.id }),
  },
  invoiceItems: {
    invoice: r.one.invoices({
      from: [r.invoiceItems.accountId, r.invoiceItems.invoiceId],
      to: [r.invoices.accountId, r.invoices.id],
      optional: false,
    }),
    package: r.one.tokenPackages({ from: r.invoiceItems.packageId, to: r.tokenPackages.id }),
  },
  payments: {
    invoice: r.one.invoices({
      from: [r.payments.accountId, r.payments.invoiceId],
      to: [r.invoices.accountId, r.invoices.id],
      optional: false,
    }),
  },
  promoRedemptions: {
    promoCode: r.one.promoCodes({
      from: r.promoRedemptions.promoCodeId,
      to: r.promoCodes.id,
      optional: false,
    }),
  },
  brandDna: {
    account: r.one.accounts({ from: r.brandDna.accountId, to: r.accounts.id, optional: false }),
    updatedByUser: r.one.users({ from: r.brandDna.updatedBy, to: r.users.id, alias: "brand_dna_updated_by" }),
    versions: r.many.brandDnaVersions({
      from: [r.brandDna.accountId, r.brandDna.id],
      to: [r.brandDnaVersions.accountId, r.brandDnaVersions.brandDnaId],
    }),
  },
  brandDnaVersions: {
    createdByUser: r.one.users({
      from: r.brandDnaVersions.createdBy,
      to: r.users.id,
      alias: "brand_dna_version_by",
    }),
  },
  campaigns: {
    account: r.one.accounts({ from: r.campaigns.accountId, to: r.accounts.id, optional: false }),
    createdByUser: r.one.users({ from: r.campaigns.createdBy, to: r.users.id, alias: "campaign_created_by" }),
    contentItems: r.many.contentItems({
      from: [r.campaigns.accountId, r.campaigns.id],
      to: [r.contentItems.accountId, r.contentItems.campaignId],
    }),
    posts: r.many.scheduledPosts({
      from: [r.campaigns.accountId, r.campaigns.id],
      to: [r.scheduledPosts.accountId, r.scheduledPosts.campaignId],
    }),
  },
  contentItems: {
    account: r.one.accounts({ from: r.contentItems.accountId, to: r.accounts.id, optional: false }),
    campaign: r.one.campaigns({
      from: [r.contentItems.accountId, r.contentItems.campaignId],
      to: [r.campaigns.accountId, r.campaigns.id],
    }),
    template: r.one.contentTemplates({
      from: [r.contentItems.accountId, r.contentItems.templateId],
      to: [r.contentTemplates.accountId, r.contentTemplates.id],
    }),
    createdByUser: r.one.users({
      from: r.contentItems.createdBy,
      to: r.users.id,
      alias: "content_created_by",
    }),
    updatedByUser: r.one.users({
      from: r.contentItems.updatedBy,
      to: r.users.id,
      alias: "content_updated_by",
    }),
    versions: r.many.contentVersions({
      from: [r.contentItems.accountId, r.contentItems.id],
      to: [r.contentVersions.accountId, r.contentVersions.contentItemId],
    }),
    approvals: r.many.contentApprovals({
      from: [r.contentItems.accountId, r.contentItems.id],
      to: [r.contentApprovals.accountId, r.contentApprovals.contentItemId],
    }),
    posts: r.many.scheduledPosts({
      from: [r.contentItems.accountId, r.contentItems.id],
      to: [r.scheduledPosts.accountId, r.scheduledPosts.contentItemId],
    }),
  },
  contentVersions: {
    createdByUser: r.one.users({
      from: r.contentVersions.createdBy,
      to: r.users.id,
      alias: "content_version_by",
    }),
  },
  contentApprovals: {
    requestedByUser: r.one.users({
      from: r.contentApprovals.requestedBy,
      to: r.users.id,
      alias: "content_review_requested_by",
    }),
    reviewer: r.one.users({ from: r.contentApprovals.reviewerId, to: r.users.id, alias: "content_reviewer" }),
  },
  contentTemplates: {
    createdByUser: r.one.users({
      from: r.contentTemplates.createdBy,
      to: r.users.id,
      alias: "template_created_by",
    }),
  },
  mediaAssets: {
    createdByUser: r.one.users({ from: r.mediaAssets.createdBy, to: r.users.id, alias: "media_created_by" }),
  },
  scheduledPosts: {
    account: r.one.accounts({ from: r.scheduledPosts.accountId, to: r.accounts.id, optional: false }),
    contentItem: r.one.contentItems({
      from: [r.scheduledPosts.accountId, r.scheduledPosts.contentItemId],
      to: [r.contentItems.accountId, r.contentItems.id],
      optional: false,
    }),
    campaign: r.one.campaigns({
      from: [r.scheduledPosts.accountId, r.scheduledPosts.campaignId],
      to: [r.campaigns.accountId, r.campaigns.id],
    }),
    connector: r.one.connectors({
      from: [r.scheduledPosts.accountId, r.scheduledPosts.connectorId],
      to: [r.connectors.accountId, r.connectors.id],
      optional: false,
    }),
  },
  contentGenerations: {
    contentItem: r.one.contentItems({
      from: [r.contentGenerations.accountId, r.contentGenerations.contentItemId],
      to: [r.contentItems.accountId, r.contentItems.id],
    }),
    createdByUser: r.one.users({
      from: r.contentGenerations.createdBy,
      to: r.users.id,
      alias: "generation_created_by",
    }),
  },
  contacts: {
    consents: r.many.consentRecords({
      from: [r.contacts.accountId, r.contacts.id],
      to: [r.consentRecords.accountId, r.consentRecords.contactId],
    }),
    memberships: r.many.segmentMemberships({
      from: [r.contacts.accountId, r.contacts.id],
      to: [r.segmentMemberships.accountId, r.segmentMemberships.contactId],
    }),
    executions: r.many.journeyExecutions({
      from: [r.contacts.accountId, r.contacts.id],
      to: [r.journeyExecutions.accountId, r.journeyExecutions.contactId],
    }),
  },
  consentRecords: {
    contact: r.one.contacts({
      from: [r.consentRecords.accountId, r.consentRecords.contactId],
      to: [r.contacts.accountId, r.contacts.id],
      optional: false,
    }),
  },
  marketingSegments: {
    memberships: r.many.segmentMemberships({
      from: [r.marketingSegments.accountId, r.marketingSegments.id],
      to: [r.segmentMemberships.accountId, r.segmentMemberships.segmentId],
    }),
  },
  segmentMemberships: {
    segment: r.one.marketingSegments({
      from: [r.segmentMemberships.accountId, r.segmentMemberships.segmentId],
      to: [r.marketingSegments.accountId, r.marketingSegments.id],
      optional: false,
    }),
    contact: r.one.contacts({
      from: [r.segmentMemberships.accountId, r.segmentMemberships.contactId],
      to: [r.contacts.accountId, r.contacts.id],
      optional: false,
    }),
  },
  journeys: {
    createdByUser: r.one.users({ from: r.journeys.createdBy, to: r.users.id, alias: "journey_created_by" }),
    campaign: r.one.campaigns({
      from: [r.journeys.accountId, r.journeys.campaignId],
      to: [r.campaigns.accountId, r.campaigns.id],
    }),
    versions: r.many.journeyVersions({
      from: [r.journeys.accountId, r.journeys.id],
      to: [r.journeyVersions.accountId, r.journeyVersions.journeyId],
    }),
    nodeStats: r.many.journeyNodeStats({
      from: [r.journeys.accountId, r.journeys.id],
      to: [r.journeyNodeStats.accountId, r.journeyNodeStats.journeyId],
    }),
    executions: r.many.journeyExecutions({
      from: [r.journeys.accountId, r.journeys.id],
      to: [r.journeyExecutions.accountId, r.journeyExecutions.journeyId],
    }),
  },
  journeyVersions: {
    publishedByUser: r.one.users({
      from: r.journeyVersions.publishedBy,
      to: r.users.id,
      alias: "journey_version_published_by",
    }),
    journey: r.one.journeys({
      from: [r.journeyVersions.accountId, r.journeyVersions.journeyId],
      to: [r.journeys.accountId, r.journeys.id],
      optional: false,
    }),
  },
  journeyExecutions: {
    journey: r.one.journeys({
      from: [r.journeyExecutions.accountId, r.journeyExecutions.journeyId],
      to: [r.journeys.accountId, r.journeys.id],
      optional: false,
    }),
    journeyVersion: r.one.journeyVersions({
      from: [r.journeyExecutions.accountId, r.journeyExecutions.journeyVersionId],
      to: [r.journeyVersions.accountId, r.journeyVersions.id],
      optional: false,
    }),
    contact: r.one.contacts({
      from: [r.journeyExecutions.accountId, r.journeyExecutions.contactId],
      to: [r.contacts.accountId, r.contacts.id],
      optional: false,
    }),
    steps: r.many.journeySteps({
      from: [r.journeyExecutions.accountId, r.journeyExecutions.id],
      to: [r.journeySteps.accountId, r.journeySteps.executionId],
    }),
  },
  messageQueue: {
    contact: r.one.contacts({
      from: [r.messageQueue.accountId, r.messageQueue.contactId],
      to: [r.contacts.accountId, r.contacts.id],
      optional: false,
    }),
    deliveryLogs: r.many.deliveryLogs({
      from: [r.messageQueue.accountId, r.messageQueue.id],
      to: [r.deliveryLogs.accountId, r.deliveryLogs.messageId],
    }),
  },
  workflowDefinitions: {
    /** Every version of the definition's name, itself included (GraphQL WorkflowDefinition.versions). */
    versions: r.many.workflowDefinitions({
      from: [r.workflowDefinitions.accountId, r.workflowDefinitions.name],
      to: [r.workflowDefinitions.accountId, r.workflowDefinitions.name],
    }),
    instances: r.many.workflowInstances({
      from: [r.workflowDefinitions.accountId, r.workflowDefinitions.id],
      to: [r.workflowInstances.accountId, r.workflowInstances.definitionId],
    }),
    schedules: r.many.workflowSchedules({
      from: [r.workflowDefinitions.accountId, r.workflowDefinitions.id],
      to: [r.workflowSchedules.accountId, r.workflowSchedules.definitionId],
    }),
  },
  workflowInstances: {
    /** The instance whose start_workflow step started this one. */
    parent: r.one.workflowInstances({
      from: [r.workflowInstances.accountId, r.workflowInstances.parentInstanceId],
      to: [r.workflowInstances.accountId, r.workflowInstances.id],
    }),
    definition: r.one.workflowDefinitions({
      from: [r.workflowInstances.accountId, r.workflowInstances.definitionId],
      to: [r.workflowDefinitions.accountId, r.workflowDefinitions.id],
      optional: false,
    }),
    steps: r.many.workflowSteps({
      from: [r.workflowInstances.accountId, r.workflowInstances.id],
      to: [r.workflowSteps.accountId, r.workflowSteps.instanceId],
    }),
    attempts: r.many.stepExecutions({
      from: [r.workflowInstances.accountId, r.workflowInstances.id],
      to: [r.stepExecutions.accountId, r.stepExecutions.instanceId],
    }),
    events: r.many.workflowEvents({
      from: [r.workflowInstances.accountId, r.workflowInstances.id],
      to: [r.workflowEvents.accountId, r.workflowEvents.instanceId],
    }),
    variables: r.many.workflowVariables({
      from: [r.workflowInstances.accountId, r.workflowInstances.id],
      to: [r.workflowVariables.accountId, r.workflowVariables.instanceId],
    }),
    compensations: r.many.workflowCompensations({
      from: [r.workflowInstances.accountId, r.workflowInstances.id],
      to: [r.workflowCompensations.accountId, r.workflowCompensations.instanceId],
    }),
  },
  workflowSteps: {
    instance: r.one.workflowInstances({
      from: [r.workflowSteps.accountId, r.workflowSteps.instanceId],
      to: [r.workflowInstances.accountId, r.workflowInstances.id],
      optional: false,
    }),
    /** Its attempts (not `attempts`: that is the column counting them). */
    executions: r.many.stepExecutions({
      from: [r.workflowSteps.accountId, r.workflowSteps.id],
      to: [r.stepExecutions.accountId, r.stepExecutions.stepRowId],
    }),
  },
  workflowSchedules: {
    definition: r.one.workflowDefinitions({
      from: [r.workflowSchedules.accountId, r.workflowSchedules.definitionId],
      to: [r.workflowDefinitions.accountId, r.workflowDefinitions.id],
      optional: false,
    }),
    lastInstance: r.one.workflowInstances({
      from: [r.workflowSchedules.accountId, r.workflowSchedules.lastInstanceId],
      to: [r.workflowInstances.accountId, r.workflowInstances.id],
    }),
  },
}));

export type Relations = typeof relations;
