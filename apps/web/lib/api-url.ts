// Where the Markettina API listens; the web server talks to it, the browser never does.
export function apiUrl(path: string): string {
  const base = (process.env.API_URL ?? "http://127.0.0.1:4000").replace(/\/+$/, "");
  return `${base}${path}`;
}
