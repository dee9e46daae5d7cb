import { fontStack } from "./brand-profile";

type BrandPreviewProps = {
  brandName: string;
  mission: string;
  palette: { name: string; hex: string }[];
  headingFont: string;
  bodyFont: string;
};

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The palette and the fonts as they look, following the form while someone types. */
export function BrandPreview({ brandName, mission, palette, headingFont, bodyFont }: BrandPreviewProps) {
  return (
    <aside aria-label="Preview" className="space-y-4 border-zinc-200 p-4 lg:border-l">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Preview</h3>
      <ul aria-label="Palette preview" className="flex flex-wrap gap-3">
        {palette.map((color, index) => {
          const hex = color.hex.trim().toUpperCase();
          const valid = HEX.test(hex);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; the index is their position.
            <li key={index} className="w-20 text-center text-xs">
              <span
                aria-hidden="true"
                className="block h-12 rounded-md border border-zinc-200"
                style={valid ? { backgroundColor: hex } : undefined}
              />
              <span className="mt-1 block truncate text-zinc-800">{color.name || "Unnamed"}</span>
              <span className="block font-mono text-zinc-500">{valid ? hex : "invalid"}</span>
            </li>
          );
        })}
      </ul>
      <div className="rounded-md border border-zinc-200 p-4">
        <p
          data-testid="preview-heading"
          className="text-2xl font-semibold text-zinc-900"
          style={{ fontFamily: fontStack(headingFont, "serif") }}
        >
          {brandName || "Your brand"}
        </p>
        <p
          data-testid="preview-body"
          className="mt-2 text-sm text-zinc-700"
          style={{ fontFamily: fontStack(bodyFont, "sans-serif") }}
        >
          {mission || "The quick brown fox jumps over the lazy dog."}
        </p>
        <p className="mt-3 text-xs text-zinc-500">
          Heading: {headingFont || "—"} · Body: {bodyFont || "—"}
        </p>
      </div>
    </aside>
  );
}
