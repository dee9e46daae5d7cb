// The default provider: no AI. It composes drafts from fixed templates and the brand DNA (the
// brief as the topic, key messages, keywords as hashtags, a call to action in the brand's tone),
// within the channel's limits. Deterministic: the same request and seed give the same drafts, so a
// test (or a replay) can count on them. Its label says plainly that no AI wrote them.
import { createHash } from "node:crypto";
import type { BrandProfile } from "../brand/profile.ts";
import type { GenerationProvider, GenerationRequest, GenerationResult } from "./generation-provider.ts";

export const OFFLINE_MODEL = "templates-v1";

/** A small seeded generator (mulberry32) over the first 32 bits of sha256(seed). */
function random(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => (/[.!?…]$/u.test(s) ? s : `${s}.`);

/** An instruction ("Announce our winter rye") becomes its topic ("our winter rye"); a brief that
 * is already a statement is kept as one. */
const INSTRUCTION =
  /^(?:please\s+)?(?:(?:write|create|draft|compose|make)\s+(?:an?\s+|one\s+)?(?:[\w-]+\s+)?(?:post|email|e-mail|tweet|ad|sms|message|article|blog post)\s+(?:about|on|for|announcing)\s+|(?:announce|promote|introduce|present|celebrate|highlight|share|feature|talk about|tell (?:people|everyone|our (?:customers|clients|followers)) about)\s+)/iu;

function topicOf(brief: string): { text: string; nounPhrase: boolean } {
  const first = brief
    .trim()
    .split(/(?<=[.!?])\s+|\n/u)[0]!
    .replace(/[.!?…]+$/u, "")
    .trim();
  const stripped = first.replace(INSTRUCTION, "");
  return { text: stripped, nounPhrase: stripped !== first };
}

interface Voice {
  formal: boolean;
  pick: <T>(items: readonly T[]) => T;
}

function hook(topic: ReturnType<typeof topicOf>, v: Voice): string {
  if (topic.nounPhrase) {
    return v.pick(
      v.formal
        ? [
            `Introducing ${topic.text}.`,
            `We are pleased to present ${topic.text}.`,
            `Announcing ${topic.text}.`,
          ]
        : [`Say hello to ${topic.text}!`, `Introducing ${topic.text}.`, `Fresh from us: ${topic.text}!`],
    );
  }
  return v.pick(
    v.formal
      ? [
          sentence(cap(topic.text)),
          `Please note: ${sentence(topic.text)}`,
          `An update: ${sentence(topic.text)}`,
        ]
      : [
          sentence(cap(topic.text)),
          `Good news: ${sentence(topic.text)}`,
          `Guess what? ${sentence(cap(topic.text))}`,
        ],
  );
}

const callToAction = (v: Voice) =>
  v.pick(
    v.formal
      ? ["Learn more on our website.", "Contact us to find out more.", "We look forward to welcoming you."]
      : [
          "Come and see us: we'd love to hear what you think!",
          "Drop by and say hi!",
          "Tell us what you think!",
        ],
  );

const hashtags = (keywords: readonly string[], count: number) =>
  keywords
    .slice(0, count)
    .map((k) => `#${k.replace(/[^\p{L}\p{N}]+/gu, "")}`)
    .filter((tag) => tag.length > 1)
    .join(" ");

/** Joins parts in order while the whole stays within `max` characters; the first part is always
 * kept (cut at a word if it alone is too long). */
function fit(parts: readonly string[], separator: string, max: number): string {
  let text = "";
  for (const part of parts.filter((p) => p.trim() !== "")) {
    const next = text === "" ? part : `${text}${separator}${part}`;
    if ([...next].length <= max) text = next;
    else if (text === "")
      text = `${[...part]
        .slice(0, max - 1)
        .join("")
        .replace(/\s+\S*$/u, "")}…`;
  }
  return text;
}

const HASHTAGS: Record<string, number> = { x: 2, instagram: 5, linkedin: 3, facebook: 3 };

function compose(request: GenerationRequest, v: Voice): string {
  const brand: BrandProfile = request.brand;
  const name = brand.brandName.trim() || "Our team";
  const topic = topicOf(request.brief);
  const message = brand.keyMessages.length > 0 ? sentence(v.pick(brand.keyMessages)) : "";
  const mission = brand.mission ? sentence(brand.mission) : "";
  const max = request.maxLength;
  switch (request.contentType) {
    case "sms":
      return fit([`${name}: ${hook(topic, v)}`, message, callToAction(v)], " ", max);
    case "ad_copy":
      return fit([hook(topic, v), message, callToAction(v)], "\n", max);
    case "email": {
      const subject = cap(topic.text).slice(0, 60);
      const greeting = v.formal ? "Dear customer," : "Hi there,";
      const signOff = v.formal ? `Kind regards,\n${name}` : `See you soon,\n${name}`;
      return fit(
        [
          `Subject: ${subject}`,
          greeting,
          hook(topic, v),
          [message, mission].join(" ").trim(),
          callToAction(v),
          signOff,
        ],
        "\n\n",
        max,
      );
    }
    case "blog_post": {
      const outline = brand.keyMessages.length > 0 ? brand.keyMessages : [topic.text];
      const audience = brand.audience.trim().replace(/[.!?]+$/u, "");
      const cue = `[Write this section${audience ? ` for: ${audience}` : ""}.]`;
      return fit(
        [
          `# ${cap(topic.text)}`,
          [hook(topic, v), mission].join(" ").trim(),
          ...outline.slice(0, 5).map((m) => `## ${cap(m.replace(/[.!?]+$/u, ""))}\n\n${cue}`),
          `## In short\n\n${callToAction(v)}`,
        ],
        "\n\n",
        max,
      );
    }
    case "social_post": {
      const tags = hashtags(brand.keywords, HASHTAGS[request.channel] ?? 3);
      const close =
        request.channel === "linkedin"
          ? v.formal
            ? "What is your view?"
            : "What do you think?"
          : callToAction(v);
      return fit([hook(topic, v), message, close, tags], request.channel === "x" ? " " : "\n\n", max);
    }
  }
}

export function composeOfflineDrafts(request: GenerationRequest): string[] {
  return Array.from({ length: request.variants }, (_, i) => {
    const next = random(`${request.seed}:${i}`);
    // Each variant starts from another choice, so variants differ even with a short list.
    const voice: Voice = {
      formal: request.brand.toneFormality > 60,
      pick: (items) => items[(Math.floor(next() * items.length) + i) % items.length]!,
    };
    return compose(request, voice);
  });
}

export const offlineGenerationProvider: GenerationProvider = {
  name: "offline",
  label: "Offline drafts (no AI)",
  offline: true,
  model: OFFLINE_MODEL,
  async generate(request): Promise<GenerationResult> {
    return { drafts: composeOfflineDrafts(request), model: OFFLINE_MODEL, completionTokens: null };
  },
};
