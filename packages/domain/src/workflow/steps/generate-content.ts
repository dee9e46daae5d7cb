// generate_content: drafts written by the content generation provider, through the content
// context's generateContent (brand DNA prompt, tokens held before the provider writes, what was
// written charged, the rest released, a content_generations row), as the journey executor does.
//
// Why a "transaction" handler although the provider is outside: the charge must commit exactly
// once with the step. generateContent commits only the token HOLD on its own (ctx.detached) before
// calling the provider; the generation row, the charge and the idempotency claim under
// `workflow:<instance>:<step>` commit with the step's completion. A crash mid-call rolls all of it
// back (the hold expires and is released by billing), and the retry generates under the same key.
// The price: the finishing transaction holds this instance's row lock while the provider writes
// (bounded by the provider's own timeout), delaying other steps of this instance only.
import { generateContent } from "../../content/generate-content.ts";
import { offlineGenerationProvider } from "../../content/offline-provider.ts";
import type { StepHandler } from "./step-handler.ts";
import { attempt, completed, effectKey, failed, parametersOf } from "./step-outcomes.ts";

/** generateContent's longest brief. */
const MAX_BRIEF = 2_000;

export const generateContentStep: StepHandler = {
  mode: "transaction",
  async run(ctx, run, deps) {
    const parsed = parametersOf("generate_content", run);
    if (!parsed.ok) return parsed.outcome;
    const { contentType, prompt } = parsed.parameters;
    const provider = deps.external?.generationProvider ?? offlineGenerationProvider;
    return attempt(
      ctx,
      { scopes: ["content:write", "wallet:write"], transient: ["INSUFFICIENT_TOKENS"] },
      async (writer) => {
        const generation = await generateContent(
          writer,
          { idempotencyKey: effectKey(run), contentType, brief: prompt.slice(0, MAX_BRIEF), variants: 1 },
          provider,
        );
        if (generation.status !== "succeeded") {
          // A provider failure (refused, timed out): the hold was released; another attempt may pass.
          return failed(generation.error ?? "Content generation failed.", "GENERATION_FAILED", true);
        }
        return completed({
          generationId: generation.id,
          text: (generation.output ?? "").slice(0, 10_000),
          model: generation.model,
          tokensCharged: generation.tokensCharged,
        });
      },
    );
  },
};
