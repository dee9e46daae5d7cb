// The steps of a workflow definition as the graph needs them (id, name, type, dependencies),
// read defensively: a draft's JSON may be anything, and the graph draws what it can of it.

export type DefinitionStep = { id: string; name: string; type: string; dependsOn: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The steps with a string id; duplicates after the first are left out (the problems name them). */
export function definitionSteps(definition: unknown): DefinitionStep[] {
  if (!isRecord(definition) || !Array.isArray(definition.steps)) return [];
  const seen = new Set<string>();
  const steps: DefinitionStep[] = [];
  for (const raw of definition.steps) {
    if (!isRecord(raw) || typeof raw.id !== "string" || raw.id === "" || seen.has(raw.id)) continue;
    seen.add(raw.id);
    steps.push({
      id: raw.id,
      name: typeof raw.name === "string" ? raw.name : "",
      type: typeof raw.type === "string" ? raw.type : "?",
      dependsOn: Array.isArray(raw.dependsOn)
        ? raw.dependsOn.filter((id): id is string => typeof id === "string")
        : [],
    });
  }
  return steps;
}

/** A step type in words: "http_request" → "HTTP request". */
export function stepTypeLabel(type: string): string {
  const words = type.replaceAll("_", " ");
  return words.startsWith("http") ? `HTTP${words.slice(4)}` : words.charAt(0).toUpperCase() + words.slice(1);
}

/** A starting definition for "New workflow": two steps, the second after the first. */
export const EXAMPLE_DEFINITION = {
  variables: { greeting: "hello" },
  steps: [
    {
      id: "prepare",
      name: "Prepare",
      type: "set_variable",
      parameters: { name: "message", value: "{{vars.greeting}} world" },
    },
    {
      id: "shape",
      name: "Shape the result",
      type: "transform",
      parameters: { expression: "{ 'text': vars.message }" },
      dependsOn: ["prepare"],
    },
  ],
};
