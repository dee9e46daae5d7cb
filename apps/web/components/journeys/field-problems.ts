// Fields a step still needs before the API will even store the draft (its zod shape: a tag has a
// name, a segment is chosen, a time reads HH:MM…), found while editing so the card says so at once.
// How the steps fit together (branches wired, reachability, loops) is the API's to judge: it
// answers those problems on every save.
import type { JourneyProblem } from "./builder-context";
import type { Condition, JourneyDefinition, JourneyNode, JourneySettings } from "./journey-definition";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const BRANCH_KEY = /^[A-Za-z0-9_-]{1,32}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const INCOMPLETE = "INCOMPLETE";

/** What is missing in a condition tree, in words (the first few). */
export function conditionGaps(condition: Condition): string[] {
  switch (condition.kind) {
    case "and":
    case "or":
      return condition.conditions.length === 0
        ? ["Add at least one check."]
        : condition.conditions.flatMap(conditionGaps);
    case "not":
      return conditionGaps(condition.condition);
    case "attribute":
      return KEY.test(condition.key) ? [] : ["Name the attribute to check (letters, digits, _ . -)."];
    case "tag":
      return condition.tag.trim() ? [] : ["Name the tag to check."];
    case "event":
      return condition.eventType.trim() ? [] : ["Name the event to check."];
    case "segment":
      return UUID.test(condition.segmentId) ? [] : ["Choose the segment to check."];
    case "date":
      return condition.attribute === undefined || KEY.test(condition.attribute)
        ? []
        : ["Name the date attribute."];
    default:
      return [];
  }
}

function stepGaps(step: JourneyNode): string[] {
  const gaps: string[] = [];
  if (step.label.length > 120) gaps.push("Keep the name under 120 characters.");
  switch (step.kind) {
    case "trigger":
      if (step.trigger.type === "segment_entry" && !UUID.test(step.trigger.segmentId))
        gaps.push("Choose a segment.");
      if (step.trigger.type === "event" && !step.trigger.eventType.trim()) gaps.push("Name the event.");
      break;
    case "wait":
      if (step.wait.type === "until_time" && !TIME.test(step.wait.time))
        gaps.push("Set a time of day (HH:MM).");
      if (step.wait.type === "until_event" && !step.wait.eventType.trim())
        gaps.push("Name the event to wait for.");
      break;
    case "condition":
    case "goal":
      gaps.push(...conditionGaps(step.check));
      break;
    case "split":
      if (step.branches.some((branch) => !BRANCH_KEY.test(branch.key)))
        gaps.push("Branch keys are letters, digits, _ and -.");
      if (step.branches.length < 2) gaps.push("A split needs at least two branches.");
      break;
    case "action": {
      const { action } = step;
      if ((action.type === "add_tag" || action.type === "remove_tag") && !action.tag.trim())
        gaps.push("Name the tag.");
      if (action.type === "update_attribute" && !KEY.test(action.key))
        gaps.push("Name the attribute (letters, digits, _ . -).");
      if (action.type === "call_webhook" && !UUID.test(action.connectorId))
        gaps.push("Choose a webhook connector.");
      if (action.type === "start_workflow" && !action.workflowKey.trim()) gaps.push("Name the workflow.");
      if (action.type === "send_sms" && action.text.length > 1_600)
        gaps.push("Keep the SMS under 1,600 characters.");
      if (action.type === "send_email" && action.subject.length > 300)
        gaps.push("Keep the subject under 300 characters.");
      break;
    }
  }
  return gaps.slice(0, 3);
}

function settingsGaps(settings: JourneySettings): string[] {
  const gaps: string[] = [];
  if (settings.quietHours && (!TIME.test(settings.quietHours.start) || !TIME.test(settings.quietHours.end))) {
    gaps.push("Journey settings: set both ends of the quiet hours (HH:MM).");
  }
  if (settings.exitCriteria)
    gaps.push(...conditionGaps(settings.exitCriteria).map((gap) => `Exit criteria: ${gap}`));
  return gaps;
}

/** Every gap in the draft, as problems (on their step, or the journey's for settings). */
export function fieldProblems(definition: JourneyDefinition): JourneyProblem[] {
  return [
    ...definition.nodes.flatMap((step) =>
      stepGaps(step).map((message) => ({ nodeId: step.id, code: INCOMPLETE, message })),
    ),
    ...settingsGaps(definition.settings).map((message) => ({ nodeId: null, code: INCOMPLETE, message })),
  ];
}

/**
 * The API's refusals of a draft's shape ("draft.nodes.3.action.tag"), placed on the step they name.
 * Fields outside the draft (the name) are not problems of the canvas and are left to the caller.
 */
export function shapeProblems(
  userErrors: readonly { field: string | null; message: string }[],
  definition: JourneyDefinition,
): JourneyProblem[] {
  return userErrors.flatMap((error) => {
    const match = /(?:^|\.)draft\.nodes\.(\d+)/.exec(error.field ?? "");
    if (match)
      return [
        { nodeId: definition.nodes[Number(match[1])]?.id ?? null, code: "INVALID", message: error.message },
      ];
    if (/(?:^|\.)draft\b/.test(error.field ?? ""))
      return [{ nodeId: null, code: "INVALID", message: error.message }];
    return [];
  });
}
