import v8 from 'node:v8';

/** Query cost budgets (query-cost.ts says how a query's cost is counted). */
export interface CostLimits {
  /** Most points one operation may cost for a caller without a token. */
  anonymous: number;
  /** Most points one operation may cost for a signed-in caller. */
  signedIn: number;
}

/**
 * Every limit the public edge enforces, with its default. main.ts fills them from the
 * configuration (README, "Limits"); tests build apps with their own.
 */
export interface EdgeLimits {
  /** Query cost per operation (see query-cost.ts). */
  cost: CostLimits;
  /** Deepest field nesting one operation may have. */
  maxDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Most tokens one document may have (checked while parsing, before anything else). */
  maxTokens: number;
  /** Requests per window: per IP without a token, per token subject with one; 0 turns the limit off. */
  rateLimit: { anonymous: number; signedIn: number; windowMs: number };
  /** Shed load (503, Retry-After) past these; 0 turns a check off. */
  overload: { maxEventLoopDelayMs: number; maxHeapUsedBytes: number; retryAfterSeconds: number; sampleIntervalMs: number };
  /** Most bytes in a request body. */
  bodyLimitBytes: number;
  /** How long a client has to send its whole request. */
  requestTimeoutMs: number;
}

/** 85% of the V8 heap's limit: past it, requests are refused rather than the process dying. */
export function defaultHeapLimit(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit * 0.85);
}

export const DEFAULT_LIMITS: EdgeLimits = {
  // A full page of the judgement feed (500 events with their reports) costs about 40,000.
  cost: { anonymous: 50_000, signedIn: 250_000 },
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 5_000,
  rateLimit: { anonymous: 300, signedIn: 1_200, windowMs: 60_000 },
  overload: { maxEventLoopDelayMs: 1_000, maxHeapUsedBytes: defaultHeapLimit(), retryAfterSeconds: 10, sampleIntervalMs: 1_000 },
  bodyLimitBytes: 1_048_576,
  requestTimeoutMs: 30_000,
};

/** Limits with some parts replaced (each part whole or in part). */
export function withLimits(changes: { [K in keyof EdgeLimits]?: Partial<EdgeLimits[K]> } = {}): EdgeLimits {
  const merged = { ...DEFAULT_LIMITS } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    const base = DEFAULT_LIMITS[key as keyof EdgeLimits];
    merged[key] = typeof base === 'object' ? { ...base, ...(value as object) } : value;
  }
  return merged as unknown as EdgeLimits;
}
