import Link from "next/link";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatTokens } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { contactsPath } from "../contact-paths";
import type { ImportContactsMutation } from "../contacts-operations";

export type ImportReport = NonNullable<ResultOf<typeof ImportContactsMutation>["importContacts"]["report"]>;

/** What an import did: how many rows created or updated contacts, and each rejected row with why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const accountSlug = useAccountSlug();
  const counts = [
    { label: "Imported", value: report.imported },
    { label: "Updated", value: report.updated },
    { label: "Invalid", value: report.invalid },
  ];
  return (
    <Panel title="Import report">
      <dl className="grid grid-cols-3 gap-4 p-4" aria-label="Import totals">
        {counts.map(({ label, value }) => (
          <div key={label}>
            <dt className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{label}</dt>
            <dd
              data-testid={`import-${label.toLowerCase()}`}
              className={`mt-1 text-lg font-semibold tabular-nums ${label === "Invalid" && value > 0 ? "text-red-700" : "text-zinc-900"}`}
            >
              {formatTokens(value)}
            </dd>
          </div>
        ))}
      </dl>
      {report.rows.length > 0 ? (
        <>
          <p className="border-t border-zinc-100 px-4 pt-3 text-sm text-zinc-600">
            These rows were not imported; fix them in the file and import it again (rows already imported are
            updated, not duplicated).
          </p>
          <DataTable caption="Invalid rows">
            <thead>
              <tr>
                <Th className="w-24">Row</Th>
                <Th>Reasons</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {report.rows.map((row) => (
                <tr key={row.row}>
                  <Td className="tabular-nums">{row.row}</Td>
                  <Td>
                    <ul className="list-disc space-y-0.5 pl-4">
                      {row.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      ) : null}
      <p className="border-t border-zinc-100 px-4 py-3 text-sm">
        <Link href={contactsPath(accountSlug)} className="font-medium text-accent-700 hover:underline">
          See the contacts
        </Link>
      </p>
    </Panel>
  );
}
