// One key per user intent: the same input submitted again (a double click, a retry after a network
// error) reuses the key, so the API answers the first result instead of buying or moving tokens
// twice. Changing the input is a new intent and gets a new key; so does every intent after a success.
"use client";

import { useCallback, useRef } from "react";

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID exists only in secure contexts (https, localhost); the console may be served over
  // plain http on a private network, where getRandomValues still works.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `keyFor(input)` gives the key of the intent that input belongs to; `reset()` ends the intent
 * (call it when a dialog opens and after a success).
 */
export function useIdempotencyKey(): { keyFor: (input: unknown) => string; reset: () => void } {
  const intent = useRef<{ fingerprint: string; key: string } | null>(null);
  const keyFor = useCallback((input: unknown) => {
    const fingerprint = JSON.stringify(input);
    if (intent.current?.fingerprint !== fingerprint) {
      intent.current = { fingerprint, key: newIdempotencyKey() };
    }
    return intent.current.key;
  }, []);
  const reset = useCallback(() => {
    intent.current = null;
  }, []);
  return { keyFor, reset };
}
