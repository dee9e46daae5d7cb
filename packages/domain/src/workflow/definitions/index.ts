// Public operations of the workflow definitions (re-exported by packages/domain/src/index.ts).
export * from "./activate-workflow-definition.ts";
export * from "./archive-workflow-definition.ts";
export * from "./create-workflow-definition.ts";
export * from "./create-workflow-version.ts";
export * from "./delete-workflow-definition.ts";
export * from "./deprecate-workflow-definition.ts";
export * from "./invalid-workflow-definition.ts";
export * from "./load-workflow-definition.ts";
export * from "./update-workflow-definition.ts";
export * from "./validate-workflow.ts";
export * from "./workflow-definition-inputs.ts";
