// Only same-site paths may be a post-login destination (no open redirects).
import type { Route } from "next";

export function safeCallbackUrl(value: string | string[] | undefined | null): Route {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url?.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/";
  return url as Route;
}
