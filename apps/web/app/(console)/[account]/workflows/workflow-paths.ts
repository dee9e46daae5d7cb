// Where the workflow pages live; ids are global ids (base64), so they are encoded into the path.
import type { Route } from "next";

export const workflowsPath = (accountSlug: string) => `/${accountSlug}/workflows` as Route;
export const workflowDefinitionPath = (accountSlug: string, id: string) =>
  `/${accountSlug}/workflows/${encodeURIComponent(id)}` as Route;
export const workflowInstancesPath = (accountSlug: string) => `/${accountSlug}/workflows/instances` as Route;
export const workflowInstancePath = (accountSlug: string, id: string) =>
  `/${accountSlug}/workflows/instances/${encodeURIComponent(id)}` as Route;
export const workflowSchedulesPath = (accountSlug: string) => `/${accountSlug}/workflows/schedules` as Route;
export const workflowPerformancePath = (accountSlug: string) =>
  `/${accountSlug}/workflows/performance` as Route;
