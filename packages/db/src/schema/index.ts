export * from "./automation.ts";
export * from "./billing.ts";
export * from "./brand.ts";
export * from "./content.ts";
export * from "./domain-events.ts";
export * from "./identity.ts";
export * from "./marketing-events.ts";
export * from "./platform.ts";
