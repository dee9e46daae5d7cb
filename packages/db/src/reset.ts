import postgres from "postgres";
import { withCredentials } from "./connection.ts";

/** Drops and recreates a database (connected to the maintenance database as the owner). */
export async function recreateDatabase(ownerUrl: string): Promise<void> {
  const u = new URL(ownerUrl);
  const name = u.pathname.slice(1);
  const admin = postgres(
    withCredentials(ownerUrl, decodeURIComponent(u.username), decodeURIComponent(u.password), "postgres"),
    { max: 1, onnotice: () => {} },
  );
  try {
    await admin.unsafe(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
    await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}
