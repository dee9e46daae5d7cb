// The signed-in user for server components and route handlers, or null.
import "server-only";
import { getServerSession, type Session } from "next-auth";
import { authOptions } from "./auth-options";

export type CurrentUser = Session["user"];

export async function currentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}
