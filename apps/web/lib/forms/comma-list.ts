// Comma-separated form fields (tags, languages) to the lists the API takes.

/** "spring, launch ,spring" → ["spring", "launch"]: trimmed, without empties or repeats. */
export function commaList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    ),
  ];
}
