"use client";

import { useState } from "react";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { AuditLogFilters, type AuditLogFilterValues, NO_FILTER } from "./audit-log-filters";
import { AuditLogTable } from "./audit-log-table";

export function AuditLogView() {
  const [filter, setFilter] = useState<AuditLogFilterValues>(NO_FILTER);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this account: who, what, when, and from where."
      />
      <Panel title="Filters">
        <AuditLogFilters onApply={setFilter} />
      </Panel>
      <Panel title="Entries">
        <AuditLogTable filter={filter} />
      </Panel>
    </>
  );
}
