// Which provider writes drafts in this installation: the OpenAI-compatible API when AI_* is
// configured, else the offline drafts (templates and the brand DNA, no AI). Chosen once by the app
// and handed to the GraphQL context, as the payment gateway is.
import { type GenerationProvider, offlineGenerationProvider } from "@markettina/domain";
import { type AiConfig, openAiCompatibleProvider } from "./openai-compatible-provider.ts";

export const generationProviderFor = (config: AiConfig | null): GenerationProvider =>
  config ? openAiCompatibleProvider(config) : offlineGenerationProvider;
