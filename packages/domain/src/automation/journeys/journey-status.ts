// The journey lifecycle: draft → active ⇄ paused, and archived from any of them (for good).
// Pausing holds every execution where it is (app.due_journey_executions skips paused journeys);
// archiving ends the running ones.
export const JOURNEY_STATUSES = ["draft", "active", "paused", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const JOURNEY_TRANSITIONS: Record<JourneyStatus, readonly JourneyStatus[]> = {
  draft: ["active", "archived"],
  active: ["paused", "archived"],
  paused: ["active", "archived"],
  archived: [],
};

export const canMoveJourney = (from: JourneyStatus, to: JourneyStatus): boolean =>
  JOURNEY_TRANSITIONS[from].includes(to);
