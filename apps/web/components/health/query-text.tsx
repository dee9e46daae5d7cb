// A statement's text, cut to one line; the whole statement unfolds on request (a <details>, so
// the keyboard and screen readers get the disclosure for free).
const SHORT = 120;

function oneLine(query: string): string {
  return query.replace(/\s+/g, " ").trim();
}

export function QueryText({ query }: { query: string }) {
  const line = oneLine(query);
  if (line.length <= SHORT) return <code className="font-mono text-xs break-all text-zinc-800">{line}</code>;
  return (
    <details className="group max-w-xl">
      <summary className="relative cursor-pointer font-mono text-xs break-all text-zinc-800 marker:text-zinc-400">
        {line.slice(0, SHORT)}…<span className="sr-only"> (show the full statement)</span>
      </summary>
      <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap text-zinc-800">
        {query}
      </pre>
    </details>
  );
}
