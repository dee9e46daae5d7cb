// Refreshes the hourly performance materialized view (read through the tenant-filtering function
// app.workflow_performance()). CONCURRENTLY, inside the function: readers keep the old rows meanwhile.
import type { Database } from "@markettina/db";
import { sql } from "drizzle-orm";

export async function refreshWorkflowStats(db: Database): Promise<Date> {
  await db.execute(sql`select app.refresh_workflow_performance()`);
  return new Date();
}
