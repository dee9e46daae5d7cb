// The workflow engine's external ports as this server configures them: HTTP to the allowed hosts
// (loopback outside production), e-mail through the marketing e-mail provider (SMTP with
// SMTP_URL, else the log), generation through the configured AI provider.
import type { ExternalStepPorts, GenerationProvider, MessageProviders } from "@markettina/domain";
import type { ApiConfig } from "../config.ts";
import { emailStep } from "./email-step.ts";
import { httpStep } from "./http-step.ts";

export function workflowPorts(
  config: Pick<ApiConfig, "workflowHttpAllowedHosts" | "workflowHttpAllowLoopback">,
  providers: MessageProviders,
  generationProvider?: GenerationProvider,
): ExternalStepPorts {
  return {
    http: httpStep({
      allowedHosts: config.workflowHttpAllowedHosts,
      allowLoopback: config.workflowHttpAllowLoopback,
    }),
    email: providers.email ? emailStep(providers.email) : undefined,
    generationProvider,
  };
}
