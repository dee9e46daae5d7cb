// Which branch of a split a contact takes. Deterministic (a hash of contact and node, never a
// random draw): a step replayed after a crash, or the same contact entering again, takes the same
// branch, and the shares hold to within sampling error across contacts.
import { createHash } from "node:crypto";

/** 0–99, uniform over contacts, stable for (contact, node). */
export function splitBucket(contactId: string, nodeId: string): number {
  const digest = createHash("sha256").update(`${contactId}:${nodeId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/** The branch key for a bucket: branches take consecutive ranges in their order, the holdout the
 * rest (null). Percentages plus holdout sum to 100 (checked when the journey is published). */
export function splitBranch(
  branches: readonly { key: string; percent: number }[],
  bucket: number,
): string | null {
  let upper = 0;
  for (const branch of branches) {
    upper += branch.percent;
    if (bucket < upper) return branch.key;
  }
  return null;
}
