// Sends one file to the console's upload proxy (/api/media → the API's POST /media) and says, in
// words, what became of it: a refused type (415) or size (413) is named as such.

export type UploadOutcome =
  | { ok: true; fileName: string }
  | { ok: false; fileName: string; status: number; message: string };

type ErrorBody = {
  error?: { message?: string };
  errors?: { message?: string }[];
  userErrors?: { message?: string }[];
};

const REFUSALS: Record<number, string> = {
  401: "Not signed in",
  403: "Not allowed",
  413: "Too large",
  415: "File type not accepted",
};

export async function uploadMediaFile(accountSlug: string, file: File): Promise<UploadOutcome> {
  let response: Response;
  try {
    response = await fetch("/api/media", {
      method: "POST",
      headers: {
        // A file the browser cannot type is sent as such; the API refuses it with a clear 415.
        "content-type": file.type || "application/octet-stream",
        "x-file-name": encodeURIComponent(file.name),
        "x-account-id": accountSlug,
      },
      body: file,
    });
  } catch {
    return {
      ok: false,
      fileName: file.name,
      status: 0,
      message: "Network error: the upload did not arrive.",
    };
  }
  if (response.ok) return { ok: true, fileName: file.name };
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const detail =
    body?.userErrors?.[0]?.message ??
    body?.error?.message ??
    body?.errors?.[0]?.message ??
    `The upload failed (HTTP ${response.status}).`;
  const refusal = REFUSALS[response.status];
  return {
    ok: false,
    fileName: file.name,
    status: response.status,
    message: refusal ? `${refusal} (${response.status}): ${detail}` : detail,
  };
}
