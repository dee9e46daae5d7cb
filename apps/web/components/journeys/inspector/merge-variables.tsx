"use client";

/** The merge variables a journey message may use (packages/domain automation/messages/render-message.ts). */
export const MERGE_VARIABLES = [
  "first_name",
  "last_name",
  "name",
  "email",
  "phone",
  "time_zone",
  "external_id",
  "generated_content",
] as const;

/**
 * Buttons that type {{variable}} at the cursor of the text box `targetId`, and the reminder of how
 * variables work. Keyboard users reach them with Tab from the text box.
 */
export function MergeVariables({
  targetId,
  onInsert,
}: {
  targetId: string;
  onInsert: (text: string) => void;
}) {
  function insert(variable: string) {
    const box = document.getElementById(targetId) as HTMLTextAreaElement | HTMLInputElement | null;
    const token = `{{${variable}}}`;
    if (!box) return onInsert(token);
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    onInsert(box.value.slice(0, start) + token + box.value.slice(end));
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <fieldset className="space-y-1">
      <legend className="text-xs text-zinc-500">
        Personalise with merge variables: any attribute as {"{{key}}"}; a contact without a value gets an
        empty string. Insert:
      </legend>
      <div className="flex flex-wrap gap-1">
        {MERGE_VARIABLES.map((variable) => (
          <button
            key={variable}
            type="button"
            onClick={() => insert(variable)}
            className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700 ring-1 ring-zinc-200 hover:bg-accent-50 hover:text-accent-700"
          >
            {`{{${variable}}}`}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
