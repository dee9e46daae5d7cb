// A JSON value shown as indented, scrollable, selectable text.
export function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-zinc-400">—</span>;
  return (
    <pre className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-zinc-800">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
