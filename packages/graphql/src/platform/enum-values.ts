// GraphQL enums are upper-case; the database stores lower-case values.
export const upper = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as {
    [K in T[number] as Uppercase<K>]: { value: K };
  };
