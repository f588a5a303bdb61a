import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type DocumentNode,
  type ValueNode,
} from 'graphql';
import { quoted } from './errors';

/**
 * Text that comes in as an argument, in any string or ID, literal or variable, at any depth of an
 * input object: checked once, before execution, so that no resolver, service or SQL statement
 * ever sees text that cannot be stored or that is longer than its field allows.
 *
 * - Refused characters: NUL and the other C0 control characters except tab, line feed and
 *   carriage return, DEL, and lone UTF-16 surrogates (not text: PostgreSQL refuses the first,
 *   and the last cannot be encoded).
 * - Lengths: every String and ID argument and input field has a maximum, stated at the end of
 *   its description in the schema ("At most 200 characters."); see `maximumLengthOf`.
 *
 * Either is a thrown BAD_USER_INPUT naming the argument (and the path inside it), with HTTP 400.
 */

/** Free text (narratives, reasons, summaries): the evidence narrative's own limit. */
export const LONG_TEXT_LIMIT = 20_000;

/** Names of people, places and organisations, addresses, regulations: their columns are 200 characters. */
const SHORT_TEXT = new Set([
  'name',
  'line1',
  'line2',
  'town',
  'decidedBy',
  'regulation',
  'leadInspector',
  'teamInspectors',
  'inspector',
  'agreedBy',
  'qualityAssuredBy',
  'intervieweeRole',
  'vacancyReason',
  'closedFor',
  'notOperationalFor',
]);

/** Codes (URNs, ONS codes, postcodes, times, criteria): short by nature. */
const CODES = new Set(['urn', 'region', 'localAuthority', 'placingAuthorities', 'postcode', 'interviewTime', 'evaluationCriterion']);

/** The most characters a String or ID argument or input field named `name` may hold. */
export function maximumLengthOf(name: string, typeName: 'String' | 'ID'): number {
  if (typeName === 'ID' || name === 'after' || name === 'before') return 200;
  if (CODES.has(name)) return 20;
  if (name === 'reference') return 300;
  if (name === 'url') return 2_048;
  if (SHORT_TEXT.has(name)) return 200;
  return LONG_TEXT_LIMIT;
}

const limits = new WeakMap<GraphQLArgument | GraphQLInputField, number>();

function stringTypeOf(type: GraphQLInputType): 'String' | 'ID' | null {
  const named = getNamedType(type).name;
  return named === 'String' || named === 'ID' ? named : null;
}

/**
 * Gives every String and ID argument and input field of the schema its maximum length, and says
 * it at the end of its description (so the published schema states every limit).
 */
export function annotateStringLimits(schema: GraphQLSchema): void {
  const annotate = (target: GraphQLArgument | GraphQLInputField) => {
    const typeName = stringTypeOf(target.type);
    if (!typeName || limits.has(target)) return;
    const maximum = maximumLengthOf(target.name, typeName);
    limits.set(target, maximum);
    const sentence = `At most ${maximum.toLocaleString('en-GB')} characters${isListType(isNonNullType(target.type) ? target.type.ofType : target.type) ? ' each' : ''}.`;
    // Descriptions are plain properties of the built schema; this is the one place that adds to them.
    (target as { description?: string | null }).description = target.description ? `${target.description.trimEnd()} ${sentence}` : sentence;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach(annotate);
    else if ('getFields' in type)
      for (const field of Object.values(type.getFields())) for (const argument of field.args ?? []) annotate(argument);
  }
}

const REFUSED_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be accepted, or null when it can. */
export function textProblem(text: string, maximum: number): string | null {
  if (REFUSED_CHARACTERS.test(text))
    return 'contains a control character or invalid text (NUL, C0 controls other than tab and line breaks, DEL, or a lone surrogate)';
  if (text.length > maximum)
    return `is ${text.length.toLocaleString('en-GB')} characters long; the most it may be is ${maximum.toLocaleString('en-GB')}`;
  return null;
}

function refused(argumentName: string, path: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument ${quoted(path)} ${problem}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName, ...(path !== argumentName ? { path } : {}), http: { status: 400 } },
  });
}

/** Checks one value against its input type, through lists and input objects. */
function checkValue(value: unknown, type: GraphQLInputType, maximum: number | undefined, argumentName: string, path: string): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(item, inner.ofType, maximum, argumentName, `${path}[${index}]`));
    else checkValue(value, inner.ofType, maximum, argumentName, path);
    return;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return;
    const fields = inner.getFields();
    for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) checkValue(fieldValue, field.type, limits.get(field), argumentName, `${path}.${key}`);
    }
    return;
  }
  if (typeof value === 'string') {
    const problem = textProblem(value, maximum ?? LONG_TEXT_LIMIT);
    if (problem) throw refused(argumentName, path, problem);
  }
}

/** Also checks variables that no argument uses, and raw strings a scalar would turn away later anyway. */
function checkRawVariables(variables: Record<string, unknown>): void {
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const problem = textProblem(value, Number.POSITIVE_INFINITY);
      if (problem) throw refused(path.split(/[.[]/)[0]!, path, problem);
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
  };
  for (const [name, value] of Object.entries(variables)) walk(value, `$${name}`);
}

/** An argument of a document: where it is, and what it is given. */
interface ArgumentUse {
  argument: GraphQLArgument;
  value: ValueNode;
}

/**
 * A document's arguments, found once per document (Apollo keeps parsed documents, so a repeated
 * query is the same object): the walk with type information is not done again on every request.
 */
const argumentsOfDocument = new WeakMap<DocumentNode, ArgumentUse[]>();
function argumentsOf(document: DocumentNode, schema: GraphQLSchema): ArgumentUse[] {
  let uses = argumentsOfDocument.get(document);
  if (!uses) {
    const found: ArgumentUse[] = [];
    const typeInfo = new TypeInfo(schema);
    // The whole document: its operations and its fragments (every argument, wherever it sits).
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const argument = typeInfo.getArgument();
          if (argument) found.push({ argument, value: node.value });
          return false;
        },
      }),
    );
    argumentsOfDocument.set(document, (uses = found));
  }
  return uses;
}

/** Refuses, before execution, any argument whose text cannot be accepted. */
export const inputTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, schema, request }) {
        const variables = request.variables ?? {};
        for (const { argument, value } of argumentsOf(document, schema)) {
          checkValue(valueFromAST(value, argument.type, variables), argument.type, limits.get(argument), argument.name, argument.name);
        }
        checkRawVariables(variables);
      },
    };
  },
};
