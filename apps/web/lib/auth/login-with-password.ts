// POST /auth/login on the API: the only place the console checks a password.
import { apiUrl } from "../api-url";

export type LoggedInUser = { id: string; email: string; name: string; isPlatformAdmin: boolean };

type LoginFailure = { error?: { code?: string; message?: string } };

/** Thrown with the API's own message ("Invalid email or password", "Too many failed attempts…"). */
export class LoginRejectedError extends Error {}

export async function loginWithPassword(email: string, password: string): Promise<LoggedInUser> {
  let response: Response;
  try {
    response = await fetch(apiUrl("/auth/login"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
      cache: "no-store",
    });
  } catch {
    throw new LoginRejectedError("The Markettina API is not reachable. Try again in a moment.");
  }
  if (response.ok) {
    const body = (await response.json()) as { user: LoggedInUser };
    return body.user;
  }
  const body = (await response.json().catch(() => ({}))) as LoginFailure;
  throw new LoginRejectedError(body.error?.message ?? `Sign-in failed (HTTP ${response.status}).`);
}
