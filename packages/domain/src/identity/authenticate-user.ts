// Console sign-in: verifies an e-mail and password, with lockout after repeated failures.
import { applyScope, type Database, emptyScope, schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "./secrets.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; isPlatformAdmin: boolean } }
  | { ok: false; code: "INVALID_CREDENTIALS" | "LOCKED"; message: string };

interface LoginRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  failed_login_count: number;
  locked_until: string | null; // raw rows: drizzle leaves timestamps as text
  is_platform_admin: boolean;
}

const invalid: SignInResult = {
  ok: false,
  code: "INVALID_CREDENTIALS",
  message: "The e-mail or password is not correct.",
};

const locked: SignInResult = {
  ok: false,
  code: "LOCKED",
  message: `Too many failed sign-in attempts. Try again after ${LOCKOUT_MINUTES} minutes.`,
};

// Verifying against a throwaway hash when the user does not exist keeps the response time the
// same, so timing does not reveal which addresses have accounts.
const decoyHash = hashPassword("decoy-password-for-timing");

export async function authenticateUser(db: Database, email: string, password: string): Promise<SignInResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.execute<LoginRow>(sql`select * from app.find_login_user(${email.trim()})`);
    const user = rows[0];
    if (!user?.password_hash) {
      await verifyPassword(await decoyHash, password);
      return invalid;
    }
    if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
      return locked;
    }
    // From here on the request acts as this user (RLS: users may update only themselves).
    await applyScope(tx, { ...emptyScope, userId: user.id });
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      const failures = user.failed_login_count + 1;
      await tx
        .update(schema.users)
        .set({
          failedLoginCount: failures >= MAX_FAILED_LOGINS ? 0 : failures,
          lockedUntil: failures >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null,
        })
        .where(eq(schema.users.id, user.id));
      return failures >= MAX_FAILED_LOGINS ? locked : invalid;
    }
    await tx
      .update(schema.users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(schema.users.id, user.id));
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.is_platform_admin },
    };
  });
}
