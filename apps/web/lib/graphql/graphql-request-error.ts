// A GraphQL request that failed as a whole: HTTP error, network error or top-level `errors`.
export type GraphQLErrorEntry = {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; requestId?: string } & Record<string, unknown>;
};

export type GraphQLResponse<TData> = { data?: TData | null; errors?: GraphQLErrorEntry[] };

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorEntry[] = [],
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }

  get requestId(): string | undefined {
    return this.errors.find((error) => error.extensions?.requestId)?.extensions?.requestId;
  }
}

/** Reads a GraphQL-over-HTTP response, returning `data` or throwing a GraphQLRequestError. */
export async function readGraphQLResponse<TData>(response: Response): Promise<TData> {
  const body = (await response.json().catch(() => null)) as GraphQLResponse<TData> | null;
  const errors = body?.errors ?? [];
  if (errors.length > 0 || !response.ok || !body?.data) {
    const message = errors[0]?.message ?? `The request failed (HTTP ${response.status}).`;
    throw new GraphQLRequestError(message, response.status, errors);
  }
  return body.data;
}
