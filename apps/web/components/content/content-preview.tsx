// The live preview of a content item. Everything is rendered as React text, so markup or script
// typed into the title, subject or body shows as the characters typed and never runs; there is
// deliberately no dangerouslySetInnerHTML here.

type ContentPreviewProps = {
  typeLabel: string;
  channelLabel: string;
  isEmail: boolean;
  title: string;
  subject: string;
  body: string;
  tags: string[];
};

export function ContentPreview({
  typeLabel,
  channelLabel,
  isEmail,
  title,
  subject,
  body,
  tags,
}: ContentPreviewProps) {
  return (
    <aside aria-label="Preview" className="space-y-3 border-zinc-200 p-4 lg:border-l">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Preview · {typeLabel} on {channelLabel}
      </h3>
      <article className="space-y-3 rounded-md border border-zinc-200 p-4">
        {isEmail ? (
          <p className="border-b border-zinc-100 pb-2 text-sm">
            <span className="text-zinc-500">Subject: </span>
            <span data-testid="preview-subject" className="font-medium text-zinc-900">
              {subject || "(no subject)"}
            </span>
          </p>
        ) : (
          <p data-testid="preview-title" className="text-base font-semibold text-zinc-900">
            {title || "Untitled"}
          </p>
        )}
        <p data-testid="preview-body" className="text-sm break-words whitespace-pre-wrap text-zinc-800">
          {body || <span className="text-zinc-400">Nothing written yet.</span>}
        </p>
        {tags.length > 0 ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
            {tags.map((tag) => (
              <li key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600">
                #{tag}
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </aside>
  );
}
