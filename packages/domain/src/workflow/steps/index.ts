// Public operations of the workflow steps (re-exported by packages/domain/src/index.ts).
export * from "./expressions.ts";
export * from "./step-handler.ts";
