// The demo journey seeded for Acme Outdoor is published as is: it must parse and have no problems.
import { demoJourneyDefinition } from "@markettina/db";
import { describe, expect, it } from "vitest";
import { JourneyDefinition } from "./definition.ts";
import { validateJourney } from "./validate-journey.ts";

describe("the seeded demo journey", () => {
  it("parses and validates without problems", () => {
    const parsed = JourneyDefinition.parse(demoJourneyDefinition);
    expect(parsed.nodes).toHaveLength(10);
    expect(validateJourney(parsed)).toEqual([]);
  });
});
