// Workflow definitions for the workflow specs, as an integrator would write them.

/**
 * Three steps in a line: note who the run is for, ask a manager to approve, then shape the
 * result. Only the approval waits (for a person); the other two are done by the worker at once.
 */
export function approvalWorkflow() {
  return {
    variables: { customer: "nobody" },
    steps: [
      {
        id: "prepare",
        name: "Prepare the offer",
        type: "set_variable",
        parameters: { name: "offer", value: "10% off for {{vars.customer}}" },
      },
      {
        id: "approve",
        name: "Manager approval",
        type: "approval",
        parameters: { prompt: "Send this offer?", timeoutSeconds: null },
        dependsOn: ["prepare"],
      },
      {
        id: "finish",
        name: "Shape the result",
        type: "transform",
        parameters: { expression: "{ 'offer': vars.offer, 'customer': vars.customer }" },
        dependsOn: ["approve"],
      },
    ],
  };
}
