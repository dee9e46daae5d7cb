// Who writes the drafts, as the domain sees it: a provider takes the prompt built from the brand
// DNA and the channel and answers drafts, with the tokens it used when it reports them. The
// offline provider (offline-provider.ts) is the default; the OpenAI-compatible HTTP adapter lives
// with the API (apps/api/src/ai/), as the Stripe gateway does, and the app chooses one from its
// configuration and hands it to the operation (generate-content.ts).
import type { BrandProfile } from "../brand/profile.ts";
import type { ContentType, PostChannel } from "./channel-rules.ts";

/** What a generation asks for. The HTTP provider sends `system` and `user`; the offline provider
 * composes from the same brand, brief and limits. */
export interface GenerationRequest {
  system: string;
  user: string;
  contentType: ContentType;
  channel: PostChannel;
  brief: string;
  brand: BrandProfile;
  /** How many alternative drafts to write. */
  variants: number;
  /** Longest draft to write, in words: the reservation covers `variants` drafts of this length. */
  maxWords: number;
  /** Longest draft the channel accepts, in characters. */
  maxLength: number;
  /** Makes a provider that can be deterministic (the offline one) answer the same drafts again. */
  seed: string;
}

export interface GenerationResult {
  /** One text per variant, in order. */
  drafts: string[];
  /** The model that wrote them, as the provider reports it. */
  model: string;
  /** The provider's count of generated (completion) tokens; null when it reports none, and the
   * words of the drafts are counted instead (generation-units.ts). */
  completionTokens: number | null;
}

export interface GenerationProviderInfo {
  /** Stable name stored with every generation: "offline", "openai-compatible". */
  name: string;
  /** What the console shows, honestly: "Offline drafts (no AI)". */
  label: string;
  /** True when no AI writes the drafts. */
  offline: boolean;
  /** The model asked for (the provider's answer may name a more precise one). */
  model: string;
}

export interface GenerationProvider extends GenerationProviderInfo {
  generate(request: GenerationRequest): Promise<GenerationResult>;
}

/** A provider's expected failure (refused, timed out, answered nonsense): its message is stored
 * with the failed generation and shown to the user, so it never carries credentials. */
export class GenerationProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GenerationProviderError";
  }
}

/** The public facts of a provider, without its client. */
export const providerInfo = (p: GenerationProviderInfo): GenerationProviderInfo => ({
  name: p.name,
  label: p.label,
  offline: p.offline,
  model: p.model,
});
