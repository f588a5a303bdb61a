/**
 * The pieces of the GraphQL fuzzer (test/api/fuzz.test.ts): a small seeded PRNG, the hostile and
 * valid-looking values it draws from, a generator of random operations over a schema (random
 * selection sets to a bounded depth and fan-out, arguments inline or as variables, aliases,
 * fragments), what it harvests from answers to reuse as real IDs, URNs and cursors, how an answer
 * is classified (executed, refused at the door, refused as invalid) and the faults it looks for
 * (5xx, INTERNAL_SERVER_ERROR, stack traces, SQL text, file paths, slowness), and the seed data.
 *
 * Everything the generator writes into a request is vetted against the same leak detectors the
 * answers are checked with, so a detector that fires on an answer fired on the server's own text,
 * never on an echo of the fuzzer's input.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { Role } from '../../src/domain/access';
import { seedFeed, seedSyntheticRegister } from '../../src/db/seed';
import { readLocalAuthorities } from '../../src/db/reference-data';
import { TEST_REGION, type TestApp } from './app';
import { registrationInput } from './fixtures';
import { evidenceInput as validEvidence } from './inspections';

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): the same seed gives the same operations.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1][0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** The seed of operation `index` of a run with `seed`: each operation can be regenerated alone. */
export function operationSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// What must never be in an answer.

export const LEAK_DETECTORS: { name: string; test: (text: string) => boolean }[] = [
  { name: 'stack trace frame ("    at ")', test: (t) => t.includes('    at ') || /\\n\s+at /.test(t) },
  { name: 'source location (".ts:" / ".js:")', test: (t) => t.includes('.ts:') || t.includes('.js:') },
  { name: 'stacktrace extension', test: (t) => t.includes('"stacktrace"') },
  { name: 'SQL statement text', test: (t) => /\b(select|insert|update|delete)\b .* \b(from|into|set)\b/i.test(t) },
  { name: 'PostgreSQL "syntax error at or near"', test: (t) => /syntax error at or near/i.test(t) },
  { name: 'PostgreSQL constraint "violates"', test: (t) => /violates/i.test(t) },
  { name: 'PostgreSQL "relation \\""', test: (t) => /relation "|relation \\"/i.test(t) },
  { name: 'PostgreSQL "invalid byte sequence"', test: (t) => /invalid byte sequence/i.test(t) },
  { name: 'PostgreSQL "invalid input syntax"', test: (t) => /invalid input syntax/i.test(t) },
  { name: 'file path', test: (t) => /\/work\/|node_modules|\/src\//.test(t) },
];

export function leaksIn(text: string): string[] {
  return LEAK_DETECTORS.filter((d) => d.test(text)).map((d) => d.name);
}

/**
 * A generated string may not contain anything a detector looks for (nor the words that start the
 * SQL pattern, which a later answer could join with the server's own text): such a string is
 * replaced, so a detector that fires fired on the server's words.
 */
export function vet(value: string): string {
  if (/\b(select|insert|update|delete)\b/i.test(value) || leaksIn(value).length > 0 || leaksIn(JSON.stringify(value)).length > 0)
    return 'x';
  return value;
}

// ---------------------------------------------------------------------------------------------
// Values: valid-looking and hostile.

const NODE_TYPES = [
  'Provider',
  'RegisteredProvider',
  'LocalAuthority',
  'Region',
  'Inspection',
  'Evidence',
  'ProtectedPerson',
  'Requirement',
  'Recommendation',
  'ComplianceNotice',
  'FactualAccuracyComment',
  'Complaint',
  'CaseReview',
  'NotificationTask',
  'WebhookEndpoint',
  'WebhookDelivery',
] as const;

/** The node type an ID argument or input field names, by its name (and its input type's). */
const ID_TYPE_BY_NAME: Record<string, string> = {
  providerId: 'Provider',
  inspectionId: 'Inspection',
  requirementId: 'Requirement',
  recommendationId: 'Recommendation',
  complaintId: 'Complaint',
  commentId: 'FactualAccuracyComment',
  caseReviewId: 'CaseReview',
  notificationTaskId: 'NotificationTask',
  endpointId: 'WebhookEndpoint',
  evidenceIds: 'Evidence',
  'PersonNamedInput.id': 'ProtectedPerson',
  'RegisteredProviderInput.id': 'RegisteredProvider',
};

const LOCAL_AUTHORITIES = readLocalAuthorities();
export const LA_CODES = LOCAL_AUTHORITIES.map((la) => la.ons_code);
export const REGION_CODES = [...new Set(LOCAL_AUTHORITIES.map((la) => la.region_code))].sort();

const PEOPLE = [
  'Alex Inspector',
  'Sam Second',
  'Morgan Manager',
  'Rebecca Holt',
  'Jamie Morgan',
  'Priya Shah',
  "Siobhán O'Neill",
  'Zoë Åberg-Smith',
];
const SENTENCES = [
  'Children are safe and well cared for.',
  'Night-time checks were not recorded for two weeks.',
  'Leaders know the home well.',
  'The home has improved since the last inspection.',
  'Staff training records were incomplete.',
  'No factual errors.',
  "The report misstates the staffing levels; we'd like it corrected.",
];
const STREETS = ['12 Acacia Avenue', '1 Deansgate', 'Flat 3, 7 Marlowe Crescent', 'Unit 4b'];
const TOWNS = ['Manchester', 'Leeds', 'Didsbury', 'Bristol'];
const POSTCODES = ['M1 1AE', 'm1 1ae', 'M3 2BW', 'LS1 4AP', 'SW1A 1AA'];

/** Strings that have broken servers before: empty, huge, NUL and control characters, lone surrogates, SQL and escape meta characters. */
function hostileStrings(rng: Rng): [label: string, value: string | (() => string)][] {
  const printable = () => {
    let s = '';
    for (let i = 0; i < 12_000; i++) s += String.fromCharCode(rng.int(0x20, 0x7e));
    return s;
  };
  return [
    ['empty string', ''],
    ['blank', '   '],
    ['tabs and spaces', ' \t \t '],
    ['10k "a"', 'a'.repeat(10_000)],
    ['12k random printable', printable],
    ['10k "é"', 'é'.repeat(10_001)],
    ['10k astral (surrogate pairs)', '𝔘'.repeat(5_000)],
    ['NUL', '\u0000'],
    ['NUL inside', 'abc\u0000def'],
    ['NUL after an ONS code', 'E08000003\u0000'],
    ['100 NULs', '\u0000'.repeat(100)],
    ['C0 control characters', '\u0001\u0002\u0003\u0007\b\f\u000b\u001b\u007f'],
    ['CR LF', 'line one\r\nline two\r\n'],
    ['C1 and line separators', '\u0085\u2028\u2029'],
    ['lone high surrogate', '\ud800'],
    ['lone low surrogate inside', 'x\udfffy'],
    ['reversed surrogate pair', '\udc00\ud800'],
    ['BOM', '\ufeff'],
    ['zero-width joiners', 'J\u200bM\u200d'],
    ['right-to-left override', '\u202eevil'],
    ['noncharacter U+FFFF', '\uffff\ufffe'],
    ['single quote', "'"],
    ['two single quotes', "''"],
    ['SQL tautology', "' OR '1'='1"],
    ['SQL drop', "'); DROP TABLE provider; --"],
    ['double-quote tautology', '" OR ""="'],
    ['backslashes', '\\\\\\'],
    ['backslash quote', "\\'"],
    ['LIKE wildcards', '%_%'],
    ['escaped LIKE', '%\\%'],
    ['positional parameter', '$1'],
    ['dollar quote', '$$'],
    ['comment start', '/*'],
    ['named parameter', ':name'],
    ['question mark', '?'],
    ['ONS code with tautology', "E08000003' OR 'x'='x"],
    ['ONS code with wildcard', 'E0800000%'],
    ['ONS code lower case', 'e08000003'],
    ['ONS code padded', ' E08000003 '],
    ['literal null', 'null'],
    ['literal undefined', 'undefined'],
    ['NaN', 'NaN'],
    ['minus one', '-1'],
    ['huge number', '1e309'],
    ['JSON object', '{"$gt":""}'],
    ['__proto__', '__proto__'],
    ['script tag', '<script>alert(1)</script>'],
    ['path traversal', '../../../../etc/passwd'],
    ['template', '${7*7}{{7*7}}'],
    ['format string', '%s%s%n%x'],
    ['percent-encoded NUL', '%00'],
    ['emoji ZWJ', '👩‍👩‍👧‍👦'],
  ];
}

function uuid(rng: Rng): string {
  const hex = () => rng.int(0, 15).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${rng.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** What the fuzzer has learnt about the data: real IDs by node type, URNs and cursors. */
export class FuzzPools {
  readonly ids = new Map<string, string[]>();
  /** IDs of the records made for the fuzzer, in every state a workflow passes through: drawn half the time. */
  readonly favourites = new Map<string, string[]>();
  readonly urns: string[] = [];
  readonly cursors: string[] = [];
  private readonly seen = new Set<string>();
  private static readonly CAP = 400;

  add(pool: string[], value: string, key: string): void {
    if (this.seen.has(key) || pool.length >= FuzzPools.CAP) return;
    this.seen.add(key);
    pool.push(value);
  }

  /** Takes every global ID, URN and cursor out of an answer. */
  harvest(value: unknown, key = '', favourite = false): void {
    if (Array.isArray(value)) {
      for (const item of value) this.harvest(item, key, favourite);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.harvest(v, k, favourite);
    } else if (typeof value === 'string') {
      if (key === 'urn' && /^(SC\d{6}|\d{7})$/.test(value)) this.add(this.urns, value, `urn:${value}`);
      else if (key === 'cursor' || key === 'endCursor' || key === 'startCursor') this.add(this.cursors, value, `cursor:${value}`);
      else if (/(^id$|Id$|Ids$)/.test(key)) {
        const { type, id } = safeFromGlobalId(value);
        if (type && id && (NODE_TYPES as readonly string[]).includes(type)) {
          let pool = this.ids.get(type);
          if (!pool) this.ids.set(type, (pool = []));
          this.add(pool, value, `id:${value}`);
          if (favourite) {
            let favourites = this.favourites.get(type);
            if (!favourites) this.favourites.set(type, (favourites = []));
            if (!favourites.includes(value)) favourites.push(value);
          }
        }
      }
    }
  }

  idsOf(type: string | undefined): string[] {
    if (type && this.ids.get(type)?.length) return this.ids.get(type)!;
    return [...this.ids.values()].flat();
  }

  favouritesOf(type: string | undefined): string[] {
    return (type ? this.favourites.get(type) : undefined) ?? [];
  }
}

function safeFromGlobalId(value: string): { type: string; id: string } {
  try {
    return fromGlobalId(value);
  } catch {
    return { type: '', id: '' };
  }
}

// ---------------------------------------------------------------------------------------------
// The operation generator.

export type Kind = 'query' | 'mutation';

export interface GeneratedOperation {
  kind: Kind;
  rootFields: string[];
  text: string;
  variables: Record<string, unknown>;
  /** Each hostile or type-invalid value the operation carries, where, and of what kind. */
  notes: string[];
  depth: number;
  stress: boolean;
}

interface Hint {
  /** The argument's or input field's name. */
  name: string;
  /** `InputType.field` or `Type.field.arg`. */
  qualified: string;
}

interface OpState {
  rng: Rng;
  /** Probability that a leaf value is hostile (of its type). */
  hostility: number;
  /** How many more hostile values the operation may carry. */
  hostileLeft: number;
  /** Probability that a leaf value is of the wrong type or format (a refusal is expected). */
  invalid: number;
  maxDepth: number;
  fanLimit: number;
  fieldsLeft: number;
  varDefs: string[];
  variables: Record<string, unknown>;
  fragments: string[];
  notes: string[];
  counter: number;
  /** The node type of the last ID drawn, so `node(id:)` spreads on the matching type. */
  lastIdType?: string;
}

type Value = unknown;

export class OperationGenerator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: FuzzPools,
    private readonly corpus: Corpus = {},
  ) {}

  rootFieldsOf(kind: Kind): GraphQLField<unknown, unknown>[] {
    const type = kind === 'query' ? this.schema.getQueryType() : this.schema.getMutationType();
    return Object.values(type?.getFields() ?? {});
  }

  /** One random operation selecting `fieldNames` of the root type of `kind`. */
  generate(rng: Rng, kind: Kind, fieldNames: string[]): GeneratedOperation {
    const stress = rng.chance(0.06);
    // calm: nothing hostile; one: a single hostile value in otherwise valid-looking input (so it
    // gets past the checks that come first and reaches the service and the database); mixed; wild
    const [hostility, hostileLeft] = rng.weighted([
      [[0, 0], 20],
      [[0.2, 1], 40],
      [[0.2, Infinity], 25],
      [[0.55, Infinity], 15],
    ] as const);
    const st: OpState = {
      rng,
      hostility,
      hostileLeft,
      invalid: hostileLeft === Infinity ? hostility * 0.06 : 0.002,
      maxDepth: stress
        ? 6
        : rng.weighted([
            [2, 10],
            [3, 20],
            [4, 25],
            [5, 20],
            [6, 25],
          ] as const),
      fanLimit: stress ? 5_000 : 300,
      fieldsLeft: stress ? 160 : 70,
      varDefs: [],
      variables: {},
      fragments: [],
      notes: [],
      counter: 0,
    };
    const root = (kind === 'query' ? this.schema.getQueryType() : this.schema.getMutationType())!;
    const fields = root.getFields();
    const scope = new Set<string>();
    const selections = fieldNames.map((name) =>
      this.fieldSelection(st, root, fields[name], 1, 1, null, scope, fieldNames.length > 1 || rng.chance(0.1)),
    );
    const body = `{ ${selections.join(' ')} }`;
    const named = rng.chance(0.6);
    let text: string;
    if (st.varDefs.length === 0 && kind === 'query' && !named && rng.chance(0.5)) text = body;
    else text = `${kind}${named ? ` Fuzz${rng.int(1, 9999)}` : ''}${st.varDefs.length ? `(${st.varDefs.join(', ')})` : ''} ${body}`;
    if (st.fragments.length) text += '\n' + st.fragments.join('\n');
    return { kind, rootFields: fieldNames, text, variables: st.variables, notes: st.notes, depth: st.maxDepth, stress };
  }

  /** A field with its arguments and, for an object, a random selection set. */
  private fieldSelection(
    st: OpState,
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    depth: number,
    fan: number,
    page: number | null,
    scope: Set<string>,
    alias: boolean,
  ): string {
    st.fieldsLeft -= 1;
    const { text: args, page: pageSize } = this.argumentsOf(st, `${parent.name}.${field.name}`, field.args);
    let responseName = field.name;
    let prefix = '';
    if (alias || scope.has(responseName)) {
      st.counter += 1;
      responseName = `a${st.counter}`;
      prefix = `${responseName}: `;
    }
    scope.add(responseName);
    const directive = st.rng.chance(0.03) ? st.rng.pick([' @include(if: true)', ' @skip(if: false)']) : '';
    const named = getNamedType(field.type);
    if (isLeafType(named)) return `${prefix}${field.name}${args}${directive}`;
    const inner = this.selectionSet(st, named as GraphQLCompositeType, depth + 1, fan * this.listSize(parent, field, page), pageSize);
    return `${prefix}${field.name}${args}${directive} { ${inner.join(' ')} }`;
  }

  /** How many items a list field is likely to hold (for the fan-out bound). */
  private listSize(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, page: number | null): number {
    let type = field.type;
    if (isNonNullType(type)) type = type.ofType;
    if (!isListType(type)) return 1;
    if (field.name === 'edges') return page ?? 20;
    const named = getNamedType(type).name;
    if (named === 'LocalAuthority') return parent.name === 'Query' ? 160 : 25;
    if (named === 'Region') return 9;
    return 5;
  }

  /** The selections of a selection set at `depth` (the depth of the fields in it). */
  private selectionSet(
    st: OpState,
    type: GraphQLCompositeType,
    depth: number,
    fan: number,
    page: number | null,
    scope = new Set<string>(),
  ): string[] {
    const { rng } = st;
    if (isObjectType(type)) {
      if (depth >= 2 && rng.chance(0.1)) {
        // a named fragment, sometimes beside fields of its own
        st.counter += 1;
        const name = `F${st.counter}`;
        const body = this.objectFields(st, type, depth, fan, page, scope);
        st.fragments.push(`fragment ${name} on ${type.name} { ${body.join(' ')} }`);
        return rng.chance(0.3) ? [`...${name}`, ...this.objectFields(st, type, depth, fan, page, scope)] : [`...${name}`];
      }
      if (rng.chance(0.04)) return [`... on ${type.name} { ${this.objectFields(st, type, depth, fan, page, scope).join(' ')} }`];
      if (rng.chance(0.03)) return [`... { ${this.objectFields(st, type, depth, fan, page, scope).join(' ')} }`];
      return this.objectFields(st, type, depth, fan, page, scope);
    }
    // an interface or union: spread on some of its types, the one of the ID just drawn most likely
    const possible = this.schema.getPossibleTypes(type);
    const chosen = new Set<GraphQLObjectType>();
    const hinted = possible.find((t) => t.name === st.lastIdType);
    if (hinted && rng.chance(0.85)) chosen.add(hinted);
    const extra = rng.int(chosen.size ? 0 : 1, 2);
    for (const t of rng.shuffle(possible).slice(0, extra)) chosen.add(t);
    const selections: string[] = [];
    if (isInterfaceType(type) && rng.chance(0.7))
      selections.push(...this.objectFields(st, type as unknown as GraphQLObjectType, depth, fan, page, scope, 2));
    if (rng.chance(0.5)) {
      scope.add('__typename');
      selections.push('__typename');
    }
    for (const t of chosen) selections.push(`... on ${t.name} { ${this.objectFields(st, t, depth, fan, page, scope).join(' ')} }`);
    if (selections.length === 0) selections.push(this.typename(scope, st));
    return selections;
  }

  private typename(scope: Set<string>, st: OpState): string {
    if (!scope.has('__typename')) {
      scope.add('__typename');
      return '__typename';
    }
    st.counter += 1;
    scope.add(`a${st.counter}`);
    return `a${st.counter}: __typename`;
  }

  /** Some fields of an object (or interface) type; at the depth limit or out of budget, leaves only; never empty. */
  private objectFields(
    st: OpState,
    type: GraphQLObjectType,
    depth: number,
    fan: number,
    page: number | null,
    scope: Set<string>,
    maxCount = 7,
  ): string[] {
    const { rng } = st;
    const all = Object.values(type.getFields());
    const want = Math.max(1, Math.min(maxCount, all.length, st.fieldsLeft <= 0 ? 2 : Math.floor(1 + rng.next() * rng.next() * 7)));
    // composite fields first more often than not, so operations nest
    const composites = rng.shuffle(all.filter((f) => !isLeafType(getNamedType(f.type))));
    const leaves = rng.shuffle(all.filter((f) => isLeafType(getNamedType(f.type))));
    const order = rng.chance(0.6) ? [...composites, ...leaves] : rng.shuffle(all);
    const selections: string[] = [];
    for (const field of order) {
      if (selections.length >= want) break;
      if (!isLeafType(getNamedType(field.type))) {
        if (depth >= st.maxDepth || st.fieldsLeft <= 0) continue;
        // bound the estimated fan-out (lists we do not page, and pages of connections)
        if (fan * this.listSize(type, field, page) > st.fanLimit) continue;
      }
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined) && depth > 1 && rng.chance(0.5)) continue;
      selections.push(this.fieldSelection(st, type, field, depth, fan, page, scope, rng.chance(0.06)));
    }
    if (selections.length === 0) selections.push(this.typename(scope, st));
    else if (rng.chance(0.08)) selections.push(this.typename(scope, st));
    return selections;
  }

  /** The arguments of a field: each inline or as a variable; returns the page size asked for, if any. */
  private argumentsOf(st: OpState, where: string, args: readonly GraphQLArgument[]): { text: string; page: number | null } {
    const { rng } = st;
    const parts: string[] = [];
    let page: number | null = null;
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (required) {
        if (rng.chance(st.invalid * 0.3)) {
          st.notes.push(`${where}(${arg.name}): required argument left out`);
          continue;
        }
      } else {
        const p = arg.name === 'first' ? 0.8 : arg.name === 'last' ? 0.12 : arg.name === 'before' || arg.name === 'after' ? 0.25 : 0.5;
        if (!rng.chance(p)) continue;
      }
      const hint: Hint = { name: arg.name, qualified: `${where}.${arg.name}` };
      const explicitNull = !required && !isNonNullType(arg.type) && rng.chance(0.12);
      const known = where.startsWith('Mutation.') && arg.name === 'input' ? this.corpus[where.slice('Mutation.'.length)] : undefined;
      const value = explicitNull
        ? null
        : known && rng.chance(0.7)
          ? this.fromCorpus(st, arg.type, known(rng), `${where}(${arg.name})`)
          : this.value(st, arg.type, hint, `${where}(${arg.name})`);
      if (explicitNull) st.notes.push(`${where}(${arg.name}): explicit null`);
      if (arg.name === 'first' || arg.name === 'last') {
        const n = typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, 100) : 20;
        page = Math.min(page ?? n, n);
      }
      parts.push(`${arg.name}: ${this.placeValue(st, arg.type, value, rng.chance(0.5))}`);
    }
    return { text: parts.length ? `(${parts.join(', ')})` : '', page };
  }

  /**
   * A known-good input with as many of its values made hostile as the operation may carry (one, a
   * few, or none): the rest of the input being valid, the hostile value gets as far as it can.
   */
  private fromCorpus(st: OpState, type: GraphQLInputType, base: Record<string, unknown>, where: string): Value {
    const { rng } = st;
    const value = structuredClone(base);
    const leaves: {
      holder: Record<string, unknown> | unknown[];
      key: string | number;
      type: GraphQLInputType;
      hint: Hint;
      path: string;
    }[] = [];
    const collect = (
      t: GraphQLInputType,
      v: unknown,
      hint: Hint,
      path: string,
      holder: Record<string, unknown> | unknown[] | null,
      key: string | number,
    ) => {
      const bare = isNonNullType(t) ? t.ofType : t;
      if (isListType(bare) && Array.isArray(v)) v.forEach((item, i) => collect(bare.ofType, item, hint, `${path}[${i}]`, v, i));
      else if (isInputObjectType(bare) && v && typeof v === 'object') {
        const fields = bare.getFields();
        for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
          if (fields[k])
            collect(fields[k].type, item, { name: k, qualified: `${bare.name}.${k}` }, `${path}.${k}`, v as Record<string, unknown>, k);
        }
      } else if (holder) leaves.push({ holder, key, type: t, hint, path });
    };
    collect(type, value, { name: 'input', qualified: where }, where, null, '');
    const count = Math.min(leaves.length, st.hostileLeft === Infinity ? rng.int(1, 3) : st.hostileLeft);
    st.notes.push(`${where}: a known-good input${count ? `, ${count} value(s) made hostile` : ''}`);
    // text fields most often: an ID made hostile stops at "not found", before the text is used
    const weightOf = (leaf: (typeof leaves)[number]) => (getNamedType(leaf.type).name === 'String' ? 4 : 1);
    const chosen: typeof leaves = [];
    const remaining = [...leaves];
    while (chosen.length < count && remaining.length > 0) {
      const pick = rng.weighted(remaining.map((leaf, i) => [i, weightOf(leaf)] as const));
      chosen.push(...remaining.splice(pick, 1));
    }
    for (const leaf of chosen) {
      const [hostility, left] = [st.hostility, st.hostileLeft];
      st.hostility = 1;
      st.hostileLeft = 1;
      const replacement = this.value(st, leaf.type, leaf.hint, leaf.path);
      st.hostility = hostility;
      st.hostileLeft = left === Infinity ? left : left - 1;
      if (Array.isArray(leaf.holder)) leaf.holder[leaf.key as number] = replacement;
      else leaf.holder[leaf.key as string] = replacement;
    }
    return value;
  }

  /** A value inline, or as a new variable of the argument's type (sometimes with a default). */
  private placeValue(st: OpState, type: GraphQLInputType, value: Value, asVariable: boolean): string {
    const literal = printLiteral(type, value);
    if (!asVariable && literal !== null) return literal;
    st.counter += 1;
    const name = `v${st.counter}`;
    const withDefault = literal !== null && literal.length < 200 && st.rng.chance(0.06);
    st.varDefs.push(`$${name}: ${type.toString()}${withDefault ? ` = ${literal}` : ''}`);
    if (!withDefault || st.rng.chance(0.5)) st.variables[name] = value;
    return `$${name}`;
  }

  /** A random value of an input type: mostly valid-looking, sometimes hostile, rarely of the wrong type. */
  private value(st: OpState, type: GraphQLInputType, hint: Hint, where: string): Value {
    const { rng } = st;
    if (isNonNullType(type)) {
      if (rng.chance(st.invalid * 0.2)) {
        st.notes.push(`${where}: null for a non-null type`);
        return null;
      }
      return this.value(st, type.ofType, hint, where);
    }
    if (isListType(type)) {
      const length = rng.weighted([
        [0, 10],
        [1, 50],
        [2, 20],
        [3, 12],
        [12, 5],
        [rng.int(20, 40), 3],
      ] as const);
      if (length === 0 || length > 3) st.notes.push(`${where}: list of ${length}`);
      return Array.from({ length }, (_, i) => this.value(st, type.ofType, hint, `${where}[${i}]`));
    }
    if (isInputObjectType(type)) {
      const result: Record<string, Value> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (!required && !rng.chance(0.6)) continue;
        if (required && rng.chance(st.invalid * 0.2)) {
          st.notes.push(`${where}.${field.name}: required field left out`);
          continue;
        }
        const nested: Hint = { name: field.name, qualified: `${type.name}.${field.name}` };
        if (!isNonNullType(field.type) && rng.chance(0.12)) {
          st.notes.push(`${where}.${field.name}: explicit null`);
          result[field.name] = null;
        } else {
          result[field.name] = this.value(st, field.type, nested, `${where}.${field.name}`);
        }
      }
      if (rng.chance(st.invalid * 0.2)) {
        st.notes.push(`${where}: unknown input field`);
        result.notAField = 'x';
      }
      return result;
    }
    if (isEnumType(type)) {
      if (rng.chance(st.invalid)) {
        const bogus = rng.pick(['NOT_A_VALUE', type.getValues()[0].name.toLowerCase()]);
        st.notes.push(`${where}: enum value ${bogus} not in ${type.name}`);
        return bogus;
      }
      return rng.pick(type.getValues()).name;
    }
    if (isScalarType(type)) return this.scalar(st, type.name, hint, where);
    throw new Error(`unexpected input type ${(type as GraphQLNamedType).name}`);
  }

  private hostileString(st: OpState, where: string): string {
    const [label, value] = st.rng.pick(hostileStrings(st.rng));
    const vetted = vet(typeof value === 'function' ? value() : value);
    st.notes.push(`${where}: ${label}`);
    return vetted;
  }

  private scalar(st: OpState, scalar: string, hint: Hint, where: string): Value {
    const { rng } = st;
    const hostile = st.hostileLeft > 0 && rng.chance(st.hostility);
    if (hostile) st.hostileLeft -= 1;
    const invalid = rng.chance(st.invalid);
    switch (scalar) {
      case 'Int':
      case 'NonNegativeInt': {
        if (invalid) {
          const [label, v] = rng.pick([
            ['2^31 (out of Int)', 2_147_483_648],
            ['-2^31-1 (out of Int)', -2_147_483_649],
            ['float', 1.5],
            ['1e21', 1e21],
            ['numeric string', '3'],
          ] as const);
          st.notes.push(`${where}: ${label}`);
          return v;
        }
        const paging = hint.name === 'first' || hint.name === 'last';
        if (hostile || (paging && rng.chance(0.05))) {
          const [label, v] = rng.pick([
            ['zero', 0],
            ['-1', -1],
            ['Int min', -2_147_483_648],
            ['Int max', 2_147_483_647],
            ['101', 101],
            ['100', 100],
            ['1000', 1000],
          ] as const);
          st.notes.push(`${where}: ${label}`);
          return v;
        }
        if (paging)
          return rng.weighted([
            [1, 40],
            [2, 35],
            [3, 20],
            [5, 5],
          ] as const);
        return rng.int(0, 12);
      }
      case 'Float':
        return hostile ? rng.pick([0, -0.5, 1e308]) : rng.next() * 10;
      case 'Boolean':
        if (invalid) {
          st.notes.push(`${where}: string for a Boolean`);
          return 'true';
        }
        return rng.chance(0.5);
      case 'LocalDate':
        if (invalid) {
          const v = rng.pick([
            '2026-02-30',
            '2026-13-01',
            '2026-1-1',
            '2026/11/23',
            '23/11/2026',
            '2026-11-23T00:00:00Z',
            '',
            'yesterday',
            '2026-11-23\u0000',
          ]);
          st.notes.push(`${where}: malformed date ${JSON.stringify(v)}`);
          return v;
        }
        if (hostile) {
          const v = rng.pick(['0001-01-01', '1900-01-01', '9999-12-31', '2024-02-29', '1970-01-01', '2100-12-31', '2026-12-25']);
          st.notes.push(`${where}: extreme date ${v}`);
          return v;
        }
        return rng.chance(0.3) ? rng.pick(['2026-11-02', '2026-11-04', '2026-11-10', '2026-11-23', '2026-11-24']) : randomDate(rng);
      case 'DateTime':
        return hostile ? rng.pick(['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) : '2026-11-23T10:00:00Z';
      case 'ID':
        if (invalid) {
          st.notes.push(`${where}: float for an ID`);
          return 1.5;
        }
        return this.idValue(st, hint, where, hostile);
      case 'String':
        if (invalid) {
          st.notes.push(`${where}: number for a String`);
          return 42;
        }
        return this.stringValue(st, hint, where, hostile);
      default:
        return hostile ? this.hostileString(st, where) : 'x';
    }
  }

  private idValue(st: OpState, hint: Hint, where: string, hostile: boolean): string {
    const { rng } = st;
    const wanted = ID_TYPE_BY_NAME[hint.qualified.split('.').slice(-2).join('.')] ?? ID_TYPE_BY_NAME[hint.name];
    const pool = this.pools.idsOf(wanted);
    const favourites = this.pools.favouritesOf(wanted);
    if (!hostile && pool.length > 0) {
      const known = [...this.pools.ids.keys()];
      const id =
        wanted || !known.length
          ? rng.pick(favourites.length && rng.chance(0.5) ? favourites : pool)
          : rng.pick(this.pools.idsOf(rng.pick(known)));
      st.lastIdType = safeFromGlobalId(id).type;
      return id;
    }
    // any type (node(id:)): each node type as likely as another, with the key of a real record of it
    const known = [...this.pools.ids.keys()];
    const type = wanted ?? (known.length && rng.chance(0.8) ? rng.pick(known) : rng.pick(NODE_TYPES));
    st.lastIdType = type;
    const ofType = this.pools.idsOf(type);
    const realKey = ofType.length ? safeFromGlobalId(rng.pick(ofType)).id : uuid(rng);
    const [label, value] = rng.pick<[string, () => string]>([
      ['well-formed ID of no record', () => toGlobalId(type, uuid(rng))],
      ['ID with a non-UUID key', () => toGlobalId(type, 'not-a-uuid')],
      ['ID of another type (type confusion)', () => toGlobalId(rng.pick(NODE_TYPES.filter((t) => t !== type)), realKey)],
      ['ID with an SQL key', () => toGlobalId(type, "1' OR '1'='1")],
      ['ID with a NUL key', () => toGlobalId(type, `${realKey}\u0000`)],
      ['ID with an empty key', () => toGlobalId(type, '')],
      ['ID with no type', () => toGlobalId('', realKey)],
      ['ID with a 10k key', () => toGlobalId(type, '9'.repeat(10_000))],
      ['bare UUID', () => realKey],
      ['not base64', () => '!!!***!!!'],
      ['base64 of garbage', () => base64url('\u0000\u0001\u00ff')],
      ['all zero UUID', () => toGlobalId(type, '00000000-0000-0000-0000-000000000000')],
      ['upper-case UUID', () => toGlobalId(type, realKey.toUpperCase())],
      ['ID of a UUID with braces', () => toGlobalId(type, `{${realKey}}`)],
      ['hostile string', () => this.hostileString(st, where)],
    ]);
    if (label !== 'hostile string') st.notes.push(`${where}: ${label}`);
    return vet(value());
  }

  private stringValue(st: OpState, hint: Hint, where: string, hostile: boolean): string {
    const { rng } = st;
    const name = hint.name;
    if (name === 'after' || name === 'before') {
      if (!hostile && this.pools.cursors.length && rng.chance(0.7)) return rng.pick(this.pools.cursors);
      const [label, value] = rng.pick<[string, () => string]>([
        ['cursor of a non-UUID key', () => base64url(JSON.stringify(['k', 'not-a-uuid']))],
        ['cursor of an SQL key', () => base64url(JSON.stringify(['k', "' OR '1'='1"]))],
        ['cursor of a NUL key', () => base64url(JSON.stringify(['k', 'a\u0000b']))],
        ['cursor of a 10k key', () => base64url(JSON.stringify(['k', 'z'.repeat(10_000)]))],
        ['cursor of a number', () => base64url(JSON.stringify(['k', 12]))],
        ['cursor of a date-like key', () => base64url(JSON.stringify(['k', '2026-99-99']))],
        ['cursor of a huge position', () => base64url(JSON.stringify(['p', '99999999999999999999999']))],
        ['cursor of a negative number', () => base64url('-1')],
        ['cursor of a JSON object', () => base64url('{"k":1}')],
        ['cursor of garbage', () => base64url('\u0000garbage')],
        ['cursor that is not base64', () => '***'],
        ['hostile string', () => this.hostileString(st, where)],
      ]);
      if (label !== 'hostile string') st.notes.push(`${where}: ${label}`);
      return vet(value());
    }
    if (hostile) {
      // a valid-looking prefix with hostile content, or hostile alone
      return this.hostileString(st, where);
    }
    switch (name) {
      case 'urn':
        if (this.pools.urns.length && rng.chance(0.8)) return rng.pick(this.pools.urns);
        return rng.chance(0.5) ? String(rng.int(1_000_000, 9_999_999)) : `SC${rng.int(100_000, 999_999)}`;
      case 'region':
        return rng.chance(0.9) ? rng.pick(REGION_CODES) : rng.pick(LA_CODES);
      case 'localAuthority':
      case 'placingAuthorities':
        return rng.chance(0.9) ? (rng.chance(0.5) ? 'E08000003' : rng.pick(LA_CODES)) : rng.pick(REGION_CODES);
      case 'url':
        return rng.pick([
          'https://example.gov.uk/ofsted-hook',
          `https://hooks.example.org/${rng.int(1, 999)}`,
          'http://127.0.0.1:9/fuzz',
          'http://localhost:9/fuzz',
          'http://169.254.169.254/latest/meta-data',
          'ftp://example.org/x',
          'https://user:pass@example.org/x',
          'javascript:alert(1)',
        ]);
      case 'postcode':
        return rng.pick(POSTCODES);
      case 'line1':
      case 'line2':
        return rng.pick(STREETS);
      case 'town':
        return rng.pick(TOWNS);
      case 'evaluationCriterion':
        return rng.pick(['HP.a', 'HP.b', 'LM.a', 'OEP.a', 'Z.z']);
      case 'regulation':
        return rng.pick(['Regulation 12', 'Regulation 13', 'Standard 4']);
      case 'reference':
        return rng.pick(['Guide page 12', 'NMS 4.1']);
      case 'interviewTime':
        return rng.pick(['10:30', '23:59', '25:61']);
      case 'intervieweeRole':
        return rng.pick(['key worker', 'registered manager']);
      default:
        if (/name|Inspector|By$|Individual|lead|team/i.test(name)) return rng.pick(PEOPLE);
        return rng.pick(SENTENCES);
    }
  }
}

function randomDate(rng: Rng): string {
  const year = rng.pick([2024, 2025, 2026, 2026, 2026, 2027]);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A GraphQL literal of `value` for `type`; null when the value cannot be written inline (it then goes in a variable). */
export function printLiteral(type: GraphQLInputType, value: Value): string | null {
  if (value === null) return 'null';
  if (isNonNullType(type)) return printLiteral(type.ofType, value);
  if (isListType(type)) {
    if (!Array.isArray(value)) return printLiteral(type.ofType, value);
    const items = value.map((v) => printLiteral(type.ofType, v));
    return items.some((i) => i === null) ? null : `[${items.join(', ')}]`;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const fields = type.getFields();
    const parts: string[] = [];
    for (const [key, v] of Object.entries(value as Record<string, Value>)) {
      const field = fields[key];
      const literal = field ? printLiteral(field.type, v) : typeof v === 'string' ? printString(v) : null;
      if (literal === null) return null;
      parts.push(`${key}: ${literal}`);
    }
    return `{${parts.join(', ')}}`;
  }
  if (isEnumType(type) && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) && !['true', 'false', 'null'].includes(value))
    return value;
  if (typeof value === 'string') return printString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** A GraphQL string literal: quotes, backslashes, control characters and lone surrogates escaped (a lone surrogate's escape is refused by the parser, as it should be). */
export function printString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
      out += ch + value[i + 1];
      i += 1;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

// ---------------------------------------------------------------------------------------------
// Answers: how each is classified, and the faults looked for.

export type Outcome =
  'executed' | 'refused at the door' | 'parse failed' | 'validation failed' | 'refused as too complex' | 'input refused' | 'other refusal';

/** Outcomes that mean the operation (or its values) was refused as invalid, before anything ran. */
export const REFUSED_AS_INVALID: readonly Outcome[] = ['parse failed', 'validation failed', 'input refused'];

interface ErrorShape {
  message?: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: ErrorShape[] } | null;
  ms: number;
  headers: Record<string, string>;
  /** The request failed without an HTTP answer (timeout, reset). */
  transportError?: string;
}

export function errorCodes(answer: Answer): string[] {
  return [...new Set((answer.body?.errors ?? []).map((e) => e.extensions?.code ?? '(none)'))];
}

export function classify(answer: Answer): Outcome {
  const body = answer.body;
  if (body && 'data' in body) return 'executed';
  const codes = new Set(errorCodes(answer));
  if (codes.has('UNAUTHENTICATED') || codes.has('FORBIDDEN')) return 'refused at the door';
  if (codes.has('GRAPHQL_PARSE_FAILED')) return 'parse failed';
  if (codes.has('QUERY_TOO_COMPLEX')) return 'refused as too complex';
  if (codes.has('GRAPHQL_VALIDATION_FAILED')) return 'validation failed';
  // a variable's value refused by coercion, or an argument refused by the input checks
  if (codes.has('BAD_USER_INPUT')) return 'input refused';
  return 'other refusal';
}

export interface Fault {
  kind: string;
  /** What makes two faults the same one: kind, root fields and the error's path. */
  signature: string;
}

export function faultsIn(answer: Answer, rootFields: string[], slowMs: number): Fault[] {
  const faults: Fault[] = [];
  const where = rootFields.join('+');
  if (answer.transportError) faults.push({ kind: `no answer (${answer.transportError})`, signature: `no answer|${where}` });
  const overload = answer.status === 503 && answer.headers['retry-after'] !== undefined;
  if (answer.status >= 500 && !overload) faults.push({ kind: `HTTP ${answer.status}`, signature: `HTTP ${answer.status}|${where}` });
  for (const error of answer.body?.errors ?? []) {
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      const path = (error.path ?? []).map((p) => (typeof p === 'number' ? '*' : p)).join('.');
      faults.push({
        kind: `INTERNAL_SERVER_ERROR at ${path || '(no path)'}`,
        signature: `INTERNAL|${where}|${path.replace(/\ba\d+\b/g, '~')}`,
      });
    }
  }
  if (answer.status !== 0 && answer.body === null && answer.text.length > 0)
    faults.push({ kind: 'answer is not JSON', signature: `not JSON|${where}` });
  for (const leak of leaksIn(answer.text)) faults.push({ kind: `leak: ${leak}`, signature: `leak|${leak}|${where}` });
  if (answer.ms > slowMs) faults.push({ kind: `slow: ${answer.ms} ms (limit ${slowMs} ms)`, signature: `slow|${where}` });
  // two faults of the same signature in one answer are one
  return faults.filter((f, i) => faults.findIndex((g) => g.signature === f.signature) === i);
}

/** Text for a failure message: long string literals and values shortened, then cut to `max` characters. */
export function abbreviate(text: string, max = 2_048): string {
  const shortened = text.replace(/"(?:[^"\\]|\\.){200,}"/g, (s) => `${s.slice(0, 80)}…[${s.length} chars]"`);
  return shortened.length > max ? `${shortened.slice(0, max)}…[${shortened.length - max} more chars]` : shortened;
}

export function abbreviateJson(value: unknown, max = 2_048): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 80)}…[${v.length} chars]` : v,
  );
  return abbreviate(text ?? 'undefined', max);
}

// ---------------------------------------------------------------------------------------------
// The data the fuzzer walks.

export type Caller = 'anonymous' | Role;
export const CALLERS: Caller[] = [
  'anonymous',
  Role.INSPECTOR,
  Role.REGULATORY_INSPECTION_MANAGER,
  Role.PROVIDER,
  Role.LOCAL_AUTHORITY,
  Role.ADMIN,
];

const MANCHESTER = 'E08000003';
const LEAD_INSPECTOR = 'Alex Inspector';

async function post(api: TestApp, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const call = api.request().post('/graphql').set('content-type', 'application/json');
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  return response.body as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** Runs a mutation that must succeed (no errors, no userErrors) and returns its payload. */
async function mutate(
  api: TestApp,
  token: string | null,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
) {
  const body = await post(
    api,
    token,
    `mutation Seed($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field message } } }`,
    { input },
  );
  const payload = body.data?.[name] as ({ userErrors: unknown[] } & Record<string, unknown>) | undefined;
  if (body.errors?.length || !payload || payload.userErrors.length) {
    throw new Error(`fuzz seed data: ${name} failed: ${JSON.stringify(body.errors ?? payload?.userErrors)}`);
  }
  return payload;
}

/** Valid input for a mutation, made afresh each time (a corpus of known-good inputs the fuzzer makes hostile one value at a time). */
export type Corpus = Record<string, (rng: Rng) => Record<string, unknown>>;

export interface FuzzData {
  tokens: Map<Caller, string | null>;
  providerUrn: string;
  corpus: Corpus;
}

/**
 * The synthetic register (60 settings, with their published reports and the feed), and four
 * settings in Manchester registered over the API with an inspection each in another state:
 * scheduled, on site, feedback given (with evidence), and one taken from an inadequate judgement
 * (evidence naming a child, a requirement, a recommendation, a case review and notification tasks,
 * a compliance notice, report text, the draft sent, factual accuracy comments answered, the final
 * report issued, a complaint); and a webhook endpoint of Manchester's. Their IDs are the pools'
 * favourites, and the corpus of known-good mutation inputs is made from them. Tokens for every
 * caller: staff of the North West (the inspector leads those inspections), the provider of the
 * four settings (and two seeded ones), Manchester, an admin.
 */
export async function seedFuzzData(api: TestApp, pools: FuzzPools): Promise<FuzzData> {
  await seedSyntheticRegister(api.orm.em.fork(), { providers: 60, seed: 13 });
  await seedFeed(api.orm.em.fork());
  const admin = await api.tokenFor(Role.ADMIN);
  const manager = await api.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region: TEST_REGION });
  const register = async (urn: string) => {
    const registered = await mutate(
      api,
      admin,
      'registerProvider',
      'RegisterProviderInput',
      registrationInput({ urn, localAuthority: MANCHESTER }),
      'provider { id urn }',
    );
    return (registered.provider as { id: string }).id;
  };
  const schedule = async (providerId: string, scheduledStart: string) => {
    const scheduled = await mutate(
      api,
      manager,
      'scheduleInspection',
      'ScheduleInspectionInput',
      {
        providerId,
        type: 'FULL_INSPECTION',
        scheduledStart,
        leadInspector: LEAD_INSPECTOR,
        teamInspectors: ['Sam Second'],
        linesOfEnquiry: [{ source: 'STATEMENT_OF_PURPOSE', text: 'Does the home deliver the care its statement of purpose describes?' }],
      },
      'inspection { id }',
    );
    return (scheduled.inspection as { id: string }).id;
  };
  const start = (inspectionId: string, onSiteStart: string) =>
    mutate(api, manager, 'startInspection', 'StartInspectionInput', { inspectionId, onSiteStart }, 'inspection { id }');
  const complete = (inspectionId: string, day: string) =>
    mutate(
      api,
      manager,
      'completeFieldwork',
      'CompleteFieldworkInput',
      { inspectionId, onSiteEnd: day, feedbackDate: day, placingAuthorities: ['E08000035'] },
      'inspection { id }',
    );

  // Settings with an inspection scheduled, one on site, one with feedback given (nothing judged yet)...
  const urns = ['2491313', '2491314', '2491315', '2491316'];
  const [urn] = urns;
  const scheduledProvider = await register(urns[1]);
  const scheduledId = await schedule(scheduledProvider, '2026-11-30');
  const onSiteProvider = await register(urns[2]);
  const onSiteId = await schedule(onSiteProvider, '2026-11-23');
  await start(onSiteId, '2026-11-23');
  const atFeedback = await schedule(await register(urns[3]), '2026-11-16');
  await start(atFeedback, '2026-11-16');
  await complete(atFeedback, '2026-11-17');
  const evidenceInput = (inspectionId: string) =>
    validEvidence(inspectionId, {
      people: [{ name: 'Jamie Morgan', role: 'CHILD' }],
      identificationJustification: 'The child is the subject of the concern.',
    });
  const feedbackEvidence = await mutate(
    api,
    manager,
    'recordEvidence',
    'RecordEvidenceInput',
    evidenceInput(atFeedback),
    'evidence { id }',
  );
  const feedbackEvidenceId = (feedbackEvidence.evidence as { id: string }).id;
  // ... and one taken from an inadequate judgement through the draft, comments, the final report and a complaint.
  const providerId = await register(urn);
  const inspectionId = await schedule(providerId, '2026-11-02');
  await start(inspectionId, '2026-11-02');
  await complete(inspectionId, '2026-11-03');
  const evidence = await mutate(api, manager, 'recordEvidence', 'RecordEvidenceInput', evidenceInput(inspectionId), 'evidence { id }');
  const evidenceId = (evidence.evidence as { id: string }).id;
  await mutate(
    api,
    manager,
    'recordRequirement',
    'RecordRequirementInput',
    {
      inspectionId,
      regulation: 'Regulation 12',
      action: 'Record checks',
      dueDate: '2026-12-01',
      impactStatement: 'Children may not be safe',
      evidenceIds: [evidenceId],
    },
    'requirement { id }',
  );
  await mutate(
    api,
    manager,
    'recordRecommendation',
    'RecordRecommendationInput',
    { inspectionId, reference: 'Guide page 12', action: 'Improve records', evidenceIds: [evidenceId] },
    'recommendation { id }',
  );
  await mutate(
    api,
    manager,
    'proposeFullInspectionJudgements',
    'ProposeFullInspectionJudgementsInput',
    {
      inspectionId,
      overallExperiencesAndProgress: 'INADEQUATE',
      helpedAndProtected: 'INADEQUATE',
      leadersAndManagers: 'INADEQUATE',
    },
    'inspection { id }',
  );
  await mutate(
    api,
    manager,
    'serveComplianceNotice',
    'ServeComplianceNoticeInput',
    {
      inspectionId,
      ground: 'FAILED_TO_MEET_A_REQUIREMENT',
      servedOn: '2026-11-05',
      actions: [{ regulation: 'Regulation 12', action: 'Record checks', completionDate: '2026-12-15' }],
    },
    'complianceNotice { id }',
  );
  await mutate(
    api,
    manager,
    'writeReportText',
    'WriteReportTextInput',
    {
      inspectionId,
      overall: 'Children do not make progress.',
      helpedAndProtected: 'Children are not safe.',
      leadersAndManagers: 'Leaders do not know the home.',
      childFriendlySummary: 'We met you.',
    },
    'inspection { id }',
  );
  await mutate(
    api,
    manager,
    'submitDraftForQualityAssurance',
    'SubmitDraftForQualityAssuranceInput',
    { inspectionId, submittedOn: '2026-11-05' },
    'inspection { id }',
  );
  await mutate(
    api,
    manager,
    'sendDraftReport',
    'SendDraftReportInput',
    { inspectionId, sentOn: '2026-11-09', qualityAssuredBy: 'Morgan Manager' },
    'inspection { id }',
  );
  const provider = await api.tokenFor(Role.PROVIDER, { urns });
  const commented = await mutate(
    api,
    provider,
    'submitFactualAccuracyComments',
    'SubmitFactualAccuracyCommentsInput',
    { inspectionId, receivedOn: '2026-11-11', comments: ['The staffing levels are misstated.'] },
    'inspection { factualAccuracyComments { id } }',
  );
  for (const { id: commentId } of (commented.inspection as { factualAccuracyComments: { id: string }[] }).factualAccuracyComments) {
    await mutate(
      api,
      manager,
      'respondToFactualAccuracyComment',
      'RespondToFactualAccuracyCommentInput',
      { commentId, response: 'Thank you: corrected.', respondedOn: '2026-11-12' },
      'inspection { id }',
    );
  }
  await mutate(api, manager, 'issueFinalReport', 'IssueFinalReportInput', { inspectionId, issuedOn: '2026-11-16' }, 'inspection { id }');
  await mutate(
    api,
    provider,
    'lodgeComplaint',
    'LodgeComplaintInput',
    { inspectionId, lodgedOn: '2026-11-17', summary: 'The inspector did not speak to the night staff.' },
    'inspection { id }',
  );
  const authority = await api.tokenFor(Role.LOCAL_AUTHORITY, { localAuthority: MANCHESTER });
  await mutate(
    api,
    authority,
    'registerWebhookEndpoint',
    'RegisterWebhookEndpointInput',
    { url: 'http://127.0.0.1:9/fuzz', eventTypes: ['JUDGEMENT_PUBLISHED', 'INADEQUATE_JUDGEMENT_NOTIFICATION'] },
    'endpoint { id }',
  );

  // Harvest real IDs, URNs and cursors of every kind, as the callers who may see them.
  const harvest = async (token: string | null, query: string, favourite = false) => {
    const body = await post(api, token, query);
    if (body.errors?.length) throw new Error(`fuzz seed data: harvest failed: ${JSON.stringify(body.errors)}`);
    pools.harvest(body.data, '', favourite);
  };
  const inspectionParts =
    'id provider { id urn registeredProvider { id } } evidence(first: 20) { edges { cursor node { id people { id } } } } requirements { id } recommendations { id } complianceNotices { id } caseReviews { id } notificationTasks { id } factualAccuracyComments { id } complaints { id } protectedPeople { id }';
  const fixtures = urns.map(
    (u, i) =>
      `p${i}: provider(urn: "${u}") { id urn registeredProvider { id } inspections(first: 10) { edges { node { ${inspectionParts} } } } }`,
  );
  await harvest(manager, `{ ${fixtures.join(' ')} }`, true);
  await harvest(authority, '{ webhookEndpoints { id } }', true);
  await harvest(
    manager,
    `{ providers(first: 100) { edges { cursor node { id urn registeredProvider { id } localAuthority { id } region { id } } } } inspections(first: 100) { edges { cursor node { ${inspectionParts} } } } }`,
  );
  await harvest(
    manager,
    '{ requirements(first: 20) { edges { cursor node { id } } } recommendations(first: 20) { edges { cursor node { id } } } complianceNotices(first: 20) { edges { cursor node { id } } } openCaseReviews(first: 20) { edges { cursor node { id } } } notificationTasks(first: 20) { edges { cursor node { id } } } }',
  );
  await harvest(
    admin,
    '{ auditTrail(first: 5) { edges { cursor } } providers(first: 100, filter: { region: "E12000007" }) { edges { cursor node { id urn } } } }',
  );
  await harvest(
    null,
    '{ publicReports(first: 50) { edges { cursor node { id urn } } } judgementFeed(first: 50) { edges { cursor node { id urn } } } }',
  );
  const northWestUrns = pools.urns.filter((u) => !urns.includes(u)).slice(0, 2);

  const tokens = new Map<Caller, string | null>([
    ['anonymous', null],
    [Role.INSPECTOR, await api.tokenFor(Role.INSPECTOR, { subject: LEAD_INSPECTOR, region: TEST_REGION })],
    [Role.REGULATORY_INSPECTION_MANAGER, manager],
    [Role.PROVIDER, await api.tokenFor(Role.PROVIDER, { urns: [...urns, ...northWestUrns] })],
    [Role.LOCAL_AUTHORITY, authority],
    [Role.ADMIN, admin],
  ]);
  // The records of the inspection taken furthest, and published inspections of the synthetic register.
  const followUps = await post(
    api,
    manager,
    `query($id: ID!) { node(id: $id) { ... on Inspection { caseReviews { id } notificationTasks { id } factualAccuracyComments { id } complaints { id } } } }`,
    { id: inspectionId },
  );
  const records = followUps.data?.node as {
    caseReviews: { id: string }[];
    notificationTasks: { id: string }[];
    factualAccuracyComments: { id: string }[];
    complaints: { id: string }[];
  };
  const published = await post(api, manager, '{ inspections(first: 20, filter: { status: PUBLISHED }) { edges { node { id } } } }');
  const publishedIds = ((published.data?.inspections as { edges: { node: { id: string } }[] } | undefined)?.edges ?? []).map(
    (e) => e.node.id,
  );
  const registerProviders = pools.idsOf('Provider').filter((id) => id !== providerId);
  let nextUrn = 2_492_000;
  const first = <T>(items: T[], what: string): T => {
    if (!items[0]) throw new Error(`fuzz seed data: no ${what}`);
    return items[0];
  };
  const caseReviewId = first(records.caseReviews, 'case review').id;
  const notificationTaskId = first(records.notificationTasks, 'notification task').id;
  const commentId = first(records.factualAccuracyComments, 'factual accuracy comment').id;
  const complaintId = first(records.complaints, 'complaint').id;
  const corpus: Corpus = {
    registerProvider: () =>
      registrationInput({
        urn: String((nextUrn += 1)),
        name: 'Larch House',
        address: { line1: '7 Marlowe Crescent', town: 'Manchester', postcode: 'M14 5TP' },
        localAuthority: MANCHESTER,
        places: 4,
      }),
    updateProvider: (rng) => ({
      providerId: rng.pick([scheduledProvider, onSiteProvider]),
      name: 'Willow House',
      places: 5,
      address: { line1: '12 Acacia Avenue', town: 'Manchester', postcode: 'M1 1AE' },
      responsibleIndividual: { name: 'Rebecca Holt' },
    }),
    changeRegisteredManager: () => ({ providerId: scheduledProvider, effectiveDate: '2026-11-20', newManager: { name: 'Priya Shah' } }),
    closeProvider: (rng) => ({ providerId: rng.pick(registerProviders), effectiveDate: '2026-11-20', outcome: 'CLOSED' }),
    scheduleInspection: (rng) => ({
      providerId: rng.pick(registerProviders),
      type: 'FULL_INSPECTION',
      scheduledStart: '2026-12-07',
      leadInspector: LEAD_INSPECTOR,
      teamInspectors: ['Sam Second'],
      linesOfEnquiry: [{ source: 'OTHER', text: 'How are children kept safe at night?' }],
    }),
    startInspection: () => ({ inspectionId: scheduledId, onSiteStart: '2026-11-30' }),
    addLineOfEnquiry: (rng) => ({
      inspectionId: rng.pick([scheduledId, onSiteId]),
      source: 'NOTIFICATION',
      text: 'The notification of 3 November.',
    }),
    completeFieldwork: () => ({
      inspectionId: onSiteId,
      onSiteEnd: '2026-11-24',
      feedbackDate: '2026-11-24',
      placingAuthorities: ['E08000035'],
    }),
    recordEvidence: (rng) => evidenceInput(rng.pick([onSiteId, atFeedback])),
    proposeFullInspectionJudgements: () => ({
      inspectionId: atFeedback,
      overallExperiencesAndProgress: 'GOOD',
      helpedAndProtected: 'GOOD',
      leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      changeReason: 'New evidence.',
    }),
    writeReportText: () => ({
      inspectionId: atFeedback,
      overall: 'Children make good progress.',
      helpedAndProtected: 'Children are safe.',
      leadersAndManagers: 'Leaders know the home well.',
      childFriendlySummary: 'We enjoyed meeting you.',
    }),
    recordRequirement: () => ({
      inspectionId: atFeedback,
      regulation: 'Regulation 12',
      action: 'Record checks',
      dueDate: '2026-12-20',
      impactStatement: 'Children may not be safe',
      evidenceIds: [feedbackEvidenceId],
    }),
    recordRecommendation: () => ({
      inspectionId: atFeedback,
      reference: 'Guide page 12',
      action: 'Improve records',
      evidenceIds: [feedbackEvidenceId],
      guidanceSummary: 'Keep records of checks.',
    }),
    serveComplianceNotice: () => ({
      inspectionId: atFeedback,
      ground: 'PROMOTE_WELFARE_OR_RISK_OF_HARM',
      servedOn: '2026-11-18',
      actions: [{ regulation: 'Regulation 12', action: 'Record checks', completionDate: '2026-12-15' }],
    }),
    deferInspection: () => ({
      inspectionId: scheduledId,
      reason: 'SERIOUS_WEATHER',
      justification: 'Snow closed the roads.',
      agreedBy: 'Morgan Manager',
    }),
    submitDraftForQualityAssurance: () => ({ inspectionId: atFeedback, submittedOn: '2026-11-18' }),
    respondToFactualAccuracyComment: () => ({ commentId, response: 'Thank you: corrected.', respondedOn: '2026-11-12' }),
    answerComplaint: () => ({ complaintId, answer: 'Not upheld: the night staff were interviewed.', answeredOn: '2026-11-20' }),
    recordCaseReviewDecision: () => ({
      caseReviewId,
      chosenOption: 'MONITORING_VISITS',
      decidedBy: 'Morgan Manager',
      decisionReason: 'Leaders have a credible plan.',
      heldOn: '2026-11-10',
      optionsConsidered: [{ option: 'NO_ENFORCEMENT_ACTION', rejectedBecause: 'Children are not safe.' }, { option: 'MONITORING_VISITS' }],
    }),
    completeNotificationTask: () => ({ notificationTaskId, doneOn: '2026-11-05' }),
    amendPublishedReport: (rng) => ({ inspectionId: rng.pick(publishedIds), reason: 'A date was wrong.', amendedOn: '2026-11-20' }),
    withdrawPublishedReport: (rng) => ({ inspectionId: rng.pick(publishedIds), reason: 'It named a child.', withdrawnOn: '2026-11-20' }),
    registerWebhookEndpoint: () => ({ url: 'https://example.gov.uk/ofsted-hook', eventTypes: ['JUDGEMENT_PUBLISHED', 'REPORT_WITHDRAWN'] }),
  };
  if (publishedIds.length === 0 || registerProviders.length === 0) throw new Error('fuzz seed data: no published inspections or providers');
  return { tokens, providerUrn: urn, corpus };
}
