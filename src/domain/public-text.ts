/**
 * Text the public may read. Every string a public view returns (the public GraphQL types, the
 * feed's public events, the exports and the webhook bodies) is a `PublicText`, and only the
 * redaction gate (`redaction.ts`) makes one: free text through the redactor, identifiers and
 * reference names through checks that refuse anything else. A plain `string` put where a
 * `PublicText` is wanted does not compile (test/domain/public-text.test.ts proves it, and
 * refuses a cast to it anywhere outside the gate).
 */
declare const PUBLIC_TEXT: unique symbol;

export type PublicText = string & { readonly [PUBLIC_TEXT]: true };

/**
 * The keys of `T` (deeply, through objects and arrays) whose values could be a plain string:
 * `never` when every string in `T` is a `PublicText`, an enum or one of the `Exempt` keys
 * (dates, which the LocalDate scalar refuses unless they are dates). The compile-time half of
 * "a public type returns only redacted text".
 */
export type PlainStringKeys<T, Exempt extends string = never> = T extends PublicText
  ? never
  : T extends string
    ? string extends T
      ? '(string)'
      : never
    : T extends readonly (infer U)[]
      ? PlainStringKeys<U, Exempt>
      : T extends Date | number | boolean | null | undefined
        ? never
        : T extends object
          ? { [K in keyof T & string]-?: K extends Exempt ? never : PlainStringKeys<T[K], Exempt> extends never ? never : K }[keyof T &
              string]
          : never;
