// POST /auth/login — used by the web console's sign-in (next-auth credentials provider).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@markettina/db";
import { authenticateUser } from "@markettina/domain";
import { readBody } from "./read-body.ts";
import { sendJson } from "./send.ts";

export function loginHandler(db: Database) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let input: { email?: unknown; password?: unknown };
    try {
      input = JSON.parse(await readBody(req, 10_000));
    } catch {
      return sendJson(res, 400, { error: { code: "BAD_REQUEST", message: "Send JSON {email, password}." } });
    }
    if (typeof input.email !== "string" || typeof input.password !== "string") {
      return sendJson(res, 400, { error: { code: "BAD_REQUEST", message: "Send JSON {email, password}." } });
    }
    const result = await authenticateUser(db, input.email, input.password);
    if (!result.ok) return sendJson(res, 401, { error: { code: result.code, message: result.message } });
    return sendJson(res, 200, { user: result.user });
  };
}
