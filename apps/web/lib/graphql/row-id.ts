// Global ids (Relay) to row ids, for inputs that name rows by their database id (journey
// definitions, segment conditions).
/** "U2VnbWVudDo8dXVpZD4=" (Segment:<uuid>) → "<uuid>": global ids are base64 of type and row id. */
export function rowIdOf(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}
