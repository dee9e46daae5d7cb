// The prompt of a content generation: the brand DNA (who speaks, how, to whom, what to say and
// never say) as the system message, the task (type, channel and its limits, the brief, the
// campaign) as the user message. Pure: the same brand and request give the same prompt, which is
// stored with the generation.
import type { BrandProfile } from "../brand/profile.ts";
import { CHANNEL_RULES, type ContentType, maxLengthFor, type PostChannel } from "./channel-rules.ts";
import { maxWordsFor } from "./generation-units.ts";

export interface GenerationPromptInput {
  brand: BrandProfile;
  contentType: ContentType;
  channel: PostChannel;
  brief: string;
  campaign?: { name: string; description: string; objectives: readonly string[] } | null;
}

export interface GenerationPrompt {
  system: string;
  user: string;
  /** Both messages as one text: what is stored with the generation. */
  text: string;
  maxWords: number;
  maxLength: number;
}

const TYPE_LABEL: Record<ContentType, string> = {
  social_post: "social media post",
  email: "marketing email",
  blog_post: "blog post",
  ad_copy: "ad copy",
  sms: "SMS message",
};

export function toneOf(formality: number): string {
  if (formality <= 20) return "very friendly and casual";
  if (formality <= 40) return "friendly";
  if (formality <= 60) return "balanced between friendly and formal";
  if (formality <= 80) return "formal";
  return "very formal";
}

const languageName = (tag: string): string => {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
};

const list = (items: readonly string[]) => items.map((i) => `- ${i}`).join("\n");
const quoted = (items: readonly string[]) => items.map((i) => `"${i}"`).join(", ");
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Sections with something in them, as "Heading:\nbody" paragraphs. */
const sections = (parts: [string, string][]) =>
  parts
    .filter(([, body]) => body.trim() !== "")
    .map(([heading, body]) => `${heading}:\n${body}`)
    .join("\n\n");

export function buildGenerationPrompt(input: GenerationPromptInput): GenerationPrompt {
  const { brand, contentType, channel } = input;
  const rule = CHANNEL_RULES[channel];
  const maxLength = maxLengthFor(contentType, channel);
  const maxWords = maxWordsFor(contentType, channel);
  const name = brand.brandName.trim() || "the brand";
  const adjectives = brand.toneAdjectives.length > 0 ? `; ${brand.toneAdjectives.join(", ")}` : "";
  const [language, ...others] = brand.languages;

  const system = [
    `You are the copywriter of ${name}. Write in the brand's voice and follow its rules exactly.`,
    sections([
      ["Mission", brand.mission],
      ["Values", brand.values.join(", ")],
      ["Tone of voice", `${toneOf(brand.toneFormality)} (formality ${brand.toneFormality}/100)${adjectives}`],
      ["Audience", brand.audience],
      ["Personas", list(brand.personas.map((p) => (p.description ? `${p.name}: ${p.description}` : p.name)))],
      ["Key messages", list(brand.keyMessages)],
      ["Keywords to use where they fit", brand.keywords.join(", ")],
      ["Words to avoid (never use them, in any form of the word)", quoted(brand.wordsToAvoid)],
      [
        "Example posts in the brand's voice",
        brand.examplePosts
          .slice(0, 3)
          .map((p) => `"""${clip(p, 600)}"""`)
          .join("\n"),
      ],
      [
        "Language",
        language
          ? `Write in ${languageName(language)}${others.length > 0 ? ` (the brand also writes in ${others.map(languageName).join(", ")}; use those only if the brief asks)` : ""}.`
          : "",
      ],
    ]),
  ]
    .filter((part) => part !== "")
    .join("\n\n");

  const campaign = input.campaign;
  const user = [
    `Write one ${TYPE_LABEL[contentType]} for ${rule.label}.`,
    sections([
      ["Brief", input.brief],
      [
        "Campaign",
        campaign
          ? [
              campaign.name,
              campaign.description,
              campaign.objectives.length > 0 ? `Objectives: ${campaign.objectives.join("; ")}` : "",
            ]
              .filter((line) => line !== "")
              .join("\n")
          : "",
      ],
      [
        "Channel rules",
        [
          rule.guidance,
          `At most ${maxLength.toLocaleString("en")} characters and ${maxWords.toLocaleString("en")} words.`,
          contentType === "email" ? "Start with the subject on the first line as `Subject: …`." : "",
        ]
          .filter((line) => line !== "")
          .join("\n"),
      ],
    ]),
    "Answer with the text of the draft only: no preamble, no notes, no quotation marks around it.",
  ].join("\n\n");

  return { system, user, text: `${system}\n\n---\n\n${user}`, maxWords, maxLength };
}
