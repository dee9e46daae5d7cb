// Scheduled: holds whose work never reported back are released, so tokens do not stay locked
// forever by a crashed worker. Runs across tenants through a SECURITY DEFINER function.
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";

export async function releaseExpiredReservations(db: Executor, batch = 1000): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select app.release_expired_reservations(${batch}) as n`);
  return row?.n ?? 0;
}
