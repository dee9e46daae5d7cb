/** A contact's tags as small labels, in the order they were given. */
export function TagList({ tags, label = "Tags" }: { tags: readonly string[]; label?: string }) {
  if (tags.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
          {tag}
        </li>
      ))}
    </ul>
  );
}
