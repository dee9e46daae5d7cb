// The OpenAI-compatible provider: POST {baseUrl}/chat/completions with the model, the brand's
// system message and the task, one request per variant. Works with OpenAI and with the servers
// that speak its API (vLLM, Ollama, LM Studio, OpenRouter, …). Each draft is held to the words the
// reservation covers with max_tokens; the whole generation to one deadline (the wallet row stays
// locked while it runs: generate-content.ts). Every failure becomes a GenerationProviderError whose
// message is stored with the failed generation, so messages never carry the key.
import {
  type GenerationProvider,
  GenerationProviderError,
  type GenerationRequest,
  type GenerationResult,
  maxTokensFor,
} from "@markettina/domain";

export interface AiConfig {
  /** e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; null for local servers that need none. */
  apiKey: string | null;
  model: string;
  /** The longest a whole generation (all its variants) may take. */
  timeoutMs: number;
}

interface ChatCompletion {
  model?: string;
  choices?: { message?: { content?: unknown } }[];
  usage?: { completion_tokens?: number };
  error?: { message?: string };
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The text of an answer: a string, or the text parts of a content array; reasoning that some
 * models inline as <think>…</think> is not part of the draft. */
function textOf(content: unknown): string {
  const text =
    typeof content === "string"
      ? content
      : Array.isArray(content)
        ? content.map((p) => (typeof p?.text === "string" ? p.text : "")).join("")
        : "";
  return text.replace(/<think>[\s\S]*?<\/think>/giu, "").trim();
}

export function openAiCompatibleProvider(config: AiConfig): GenerationProvider {
  const endpoint = new URL(
    "chat/completions",
    config.baseUrl.endsWith("/") ? config.baseUrl : `${config.baseUrl}/`,
  );
  const secret = (message: string) => (config.apiKey ? message.split(config.apiKey).join("***") : message);

  async function complete(request: GenerationRequest, signal: AbortSignal) {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: config.model,
          messages: [
            { role: "system", content: request.system },
            { role: "user", content: request.user },
          ],
          max_tokens: maxTokensFor(request.maxWords),
          temperature: 0.8,
        }),
        signal,
      });
    } catch (error) {
      throw failure(error);
    }
    let body: ChatCompletion | null = null;
    let raw = "";
    try {
      raw = await response.text();
      body = JSON.parse(raw) as ChatCompletion;
    } catch (error) {
      if (signal.aborted) throw failure(error);
    }
    if (!response.ok) {
      const detail = body?.error?.message ?? raw;
      throw new GenerationProviderError(
        secret(
          `The AI provider answered ${response.status}${detail ? `: ${clip(detail.trim(), 300)}` : "."}`,
        ),
      );
    }
    const text = textOf(body?.choices?.[0]?.message?.content);
    if (!body || text === "") throw new GenerationProviderError("The AI provider's answer had no text.");
    const tokens = body.usage?.completion_tokens;
    return { text, model: body.model, completionTokens: typeof tokens === "number" ? tokens : null };
  }

  function failure(error: unknown): GenerationProviderError {
    const name = (error as Error)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      return new GenerationProviderError(
        `The AI provider did not answer within ${Math.round(config.timeoutMs / 1000)} s.`,
        { cause: error },
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const why = cause?.code ?? cause?.message ?? (error as Error)?.message ?? "unknown error";
    return new GenerationProviderError(secret(`Could not reach the AI provider (${why}).`), { cause: error });
  }

  return {
    name: "openai-compatible",
    label: `AI: ${config.model} (OpenAI-compatible API)`,
    offline: false,
    model: config.model,
    async generate(request): Promise<GenerationResult> {
      const signal = AbortSignal.timeout(config.timeoutMs);
      const drafts: string[] = [];
      let completionTokens: number | null = 0;
      let model = config.model;
      // One after the other: the variants share one deadline, and a provider's rate limit.
      for (let i = 0; i < request.variants; i++) {
        const answer = await complete(request, signal);
        drafts.push(answer.text);
        model = answer.model || model;
        completionTokens =
          completionTokens !== null && answer.completionTokens !== null
            ? completionTokens + answer.completionTokens
            : null;
      }
      return { drafts, model, completionTokens };
    },
  };
}
