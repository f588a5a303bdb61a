/**
 * The walls between modules (ARCHITECTURE.md), as ESLint rules. A module is a folder of
 * src/modules; `shared` is a toolbox every module may use, not a module.
 *
 * 1. Outside entity files, nothing imports another module's files but its index.ts: its public
 *    face (the GraphQL types it defines, its enums, and the repository or service through which
 *    other modules read and change its rows). Entity files may import entity files of other
 *    modules, because the ORM's relations need the classes.
 * 2. A class imported from another module is never handed to an EntityManager or a query
 *    builder here (`em.find(Provider, ...)`, `tx.create(Inspection, ...)`): another module's rows
 *    are read and changed only through what that module exports.
 * 3. Modules do not import the server layer (src/server): the server wires modules, not the
 *    other way round.
 */

/** EntityManager and repository methods whose first argument names the entity they work on. */
const ENTITY_METHODS = new Set([
  'find',
  'findOne',
  'findOneOrFail',
  'findAll',
  'findAndCount',
  'findByCursor',
  'count',
  'create',
  'getReference',
  'nativeInsert',
  'nativeUpdate',
  'nativeDelete',
  'insert',
  'insertMany',
  'upsert',
  'upsertMany',
  'createQueryBuilder',
  'qb',
  'getRepository',
  'merge',
  'stream',
]);

/** The module a file of src/modules belongs to, or null. */
function moduleOf(filename) {
  const match = /[\\/]src[\\/]modules[\\/]([^\\/]+)[\\/]/.exec(filename);
  return match ? match[1] : null;
}

/** The module an import source points into, seen from a file of module `own` (null: none, or its own). */
function importedModule(source, own) {
  const relative = /^\.\.\/([^/.][^/]*)(?:\/|$)/.exec(source);
  const area = relative ? relative[1] : (/(?:^|\/)modules\/([^/]+)/.exec(source)?.[1] ?? null);
  return area && area !== own && area !== 'shared' ? area : null;
}

const noForeignQueries = {
  meta: {
    type: 'problem',
    docs: { description: "Another module's entities are not queried or created here: use what that module exports." },
    messages: {
      foreign:
        "'{{name}}' belongs to the {{area}} module: read or change its rows through what that module exports (its repository or service), not with an EntityManager here.",
    },
    schema: [],
  },
  create(context) {
    const own = moduleOf(context.filename);
    if (!own) return {};
    const foreign = new Map();
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        const area = importedModule(String(node.source.value), own);
        if (!area) return;
        for (const specifier of node.specifiers) if (specifier.importKind !== 'type') foreign.set(specifier.local.name, area);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !ENTITY_METHODS.has(callee.property.name))
          return;
        const first = node.arguments[0];
        if (first && first.type === 'Identifier' && foreign.has(first.name)) {
          context.report({ node: first, messageId: 'foreign', data: { name: first.name, area: foreign.get(first.name) } });
        }
      },
    };
  },
};

// A regular expression rather than a gitignore glob: the glob '../*/*' also matched '../../domain/x',
// '../../db/x' and '../../server/x' (its '*' matches '..'), which are layers, not modules (the
// server has its own rule below).
const INTO_ANOTHER_MODULE = {
  regex: '^\\.\\./(?!shared/)[^./][^/]*/|^(?:\\.\\./)+modules/(?!shared/)[^/]+/',
  message: 'Import another module through its index.ts (`../<module>`), its public face: its entities, services and loaders are its own.',
};
const INTO_THE_SERVER = {
  group: ['../../server', '../../server/*'],
  message: 'Modules do not depend on the server layer (src/server): move what both need into src/modules/shared or the module.',
};

export const moduleWalls = [
  {
    files: ['src/modules/**/*.ts'],
    plugins: { walls: { rules: { 'no-foreign-queries': noForeignQueries } } },
    rules: {
      'walls/no-foreign-queries': 'error',
      'no-restricted-imports': ['error', { patterns: [INTO_ANOTHER_MODULE, INTO_THE_SERVER] }],
    },
  },
  {
    // Entity files may name other modules' entities: the ORM's relations need the classes.
    files: ['src/modules/**/*.entity.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [INTO_THE_SERVER] }] },
  },
];
