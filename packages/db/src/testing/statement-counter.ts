// Counts the SQL statements a client sends: pass `onQuery` to createClient(url, { onQuery }) and
// assert on `count` around one request (the no-N+1 guarantee of nested GraphQL reads).

/** BEGIN/COMMIT/ROLLBACK/SAVEPOINT/RELEASE: pass as `ignore` to count only the work itself. */
export const transactionControl = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export interface StatementCounter {
  onQuery: (query: string) => void;
  /** Statements seen since creation or the last reset(). */
  readonly count: number;
  readonly statements: readonly string[];
  reset: () => void;
}

export function statementCounter(options: { ignore?: RegExp } = {}): StatementCounter {
  let statements: string[] = [];
  return {
    onQuery: (query) => {
      if (!options.ignore?.test(query)) statements.push(query);
    },
    get count() {
      return statements.length;
    },
    get statements() {
      return statements;
    },
    reset: () => {
      statements = [];
    },
  };
}
