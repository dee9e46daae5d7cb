// The request id travels with the request's async work, so masked errors and logs can name it.
import { AsyncLocalStorage } from "node:async_hooks";

export const requestStore = new AsyncLocalStorage<{ requestId: string }>();
export const currentRequestId = (): string | undefined => requestStore.getStore()?.requestId;
