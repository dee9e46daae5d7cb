"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { useAccountMutation } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import {
  CHANNEL_LABELS,
  CONSENT_CHANNELS,
  CONSENT_STATUS_LABELS,
  CONSENT_STATUS_TONES,
  CONSENT_TYPE_LABELS,
  CONSENT_TYPES,
  type ConsentChannel,
  type ConsentStatus,
  type ConsentType,
  type ContactDetail,
} from "../contact-model";
import { CONTACT_QUERIES, SetConsentMutation } from "../contacts-operations";

/**
 * Consent per channel and type. No record means pending: nothing marketing is sent until it is
 * granted. Granting or revoking here is recorded with the console as its source (and kept in the
 * contact's consent history and timeline).
 */
export function ContactConsents({ contact, canEdit }: { contact: ContactDetail; canEdit: boolean }) {
  const setConsent = useAccountMutation(SetConsentMutation);
  const action = useRowAction(CONTACT_QUERIES);

  function change(channel: ConsentChannel, type: ConsentType, status: ConsentStatus) {
    return action.run(
      async () =>
        (
          await setConsent.mutateAsync({
            input: { contactId: contact.id, channel, type, status, source: "console" },
          })
        ).setConsent,
      "Could not change the consent.",
    );
  }

  return (
    <Panel title="Consent">
      {action.error ? (
        <p role="alert" className="px-4 pt-3 text-sm text-red-700">
          {action.error}
        </p>
      ) : null}
      <DataTable caption="Consent">
        <thead>
          <tr>
            <Th>Channel</Th>
            <Th>Status</Th>
            <Th>Since</Th>
            {canEdit ? <Th className="sr-only">Actions</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {CONSENT_CHANNELS.flatMap((channel) =>
            CONSENT_TYPES.map((type) => {
              const record = contact.consents.find((c) => c.channel === channel && c.type === type);
              const status: ConsentStatus = record?.status ?? "PENDING";
              const name = `${CHANNEL_LABELS[channel]} ${CONSENT_TYPE_LABELS[type].toLowerCase()}`;
              const since =
                status === "GRANTED" ? record?.grantedAt : (record?.revokedAt ?? record?.updatedAt);
              return (
                <tr key={`${channel}-${type}`}>
                  <Td className="font-medium text-zinc-900">{name}</Td>
                  <Td>
                    <Badge tone={CONSENT_STATUS_TONES[status]}>{CONSENT_STATUS_LABELS[status]}</Badge>
                  </Td>
                  <Td className="text-xs">
                    {record ? (
                      <>
                        {formatDateTime(since)}
                        <span className="block text-zinc-500">via {record.source}</span>
                      </>
                    ) : (
                      <span className="text-zinc-400">No record</span>
                    )}
                  </Td>
                  {canEdit ? (
                    <Td className="text-right whitespace-nowrap">
                      {status === "GRANTED" ? (
                        <Button
                          variant="danger"
                          size="sm"
                          aria-label={`Revoke ${name} consent`}
                          disabled={setConsent.isPending}
                          onClick={() => change(channel, type, "DENIED")}
                        >
                          Revoke
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`Grant ${name} consent`}
                          disabled={setConsent.isPending}
                          onClick={() => change(channel, type, "GRANTED")}
                        >
                          Grant
                        </Button>
                      )}
                    </Td>
                  ) : null}
                </tr>
              );
            }),
          )}
        </tbody>
      </DataTable>
    </Panel>
  );
}
