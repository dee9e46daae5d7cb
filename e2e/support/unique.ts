// A short suffix that differs per run, so names created by a spec never collide with earlier runs.
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
