/**
 * Redaction by construction (CH-228, CH-230): every string a public type can return is a
 * `PublicText`, which only the redaction gate makes. Checked three ways: at compile time (the
 * type assertions below fail `tsc`, which CI runs), by compiling code that fills a public field
 * with a plain string and expecting the compiler to refuse it, and by refusing any cast to a
 * public type outside the gate.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import ts from 'typescript';
import type { PlainStringKeys } from '../../src/domain/public-text';
import type { PublicFeedEvent, PublicReportWithdrawal, PublicSettingEntry } from '../../src/modules/feeds/feed.types';
import type { PublicProvider, PublicReport, PublicReportVersion } from '../../src/modules/public/public.types';
import type { PublicReportContent } from '../../src/domain/public-report';
import { buildGraphQLSchema } from '../../src/server/schema';

const ROOT = join(__dirname, '..', '..');

/** Fields typed as plain strings that are dates: the LocalDate scalar refuses anything but a date (checked below). */
type DateFields =
  'inspectionStart' | 'inspectionEnd' | 'publishedOn' | 'dueDate' | 'end' | 'date' | 'occurredOn' | 'statusDate' | 'withdrawnOn';
const DATE_FIELDS = [
  'inspectionStart',
  'inspectionEnd',
  'publishedOn',
  'dueDate',
  'end',
  'date',
  'occurredOn',
  'statusDate',
  'withdrawnOn',
];

// The compile-time check: each line fails `tsc --noEmit` if a public type gains a plain string field.
type NoPlainStrings<T extends never> = T;
export type Checks = [
  NoPlainStrings<PlainStringKeys<PublicReport, DateFields>>,
  NoPlainStrings<PlainStringKeys<PublicReportContent, DateFields>>,
  NoPlainStrings<PlainStringKeys<PublicReportVersion, DateFields>>,
  NoPlainStrings<PlainStringKeys<PublicProvider, DateFields>>,
  NoPlainStrings<PlainStringKeys<PublicSettingEntry, DateFields>>,
  NoPlainStrings<PlainStringKeys<PublicReportWithdrawal, DateFields>>,
  // Notifications are addressed to one local authority, never public (test/api/feed.test.ts).
  NoPlainStrings<PlainStringKeys<PublicFeedEvent, DateFields | 'notification'>>,
];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

describe('CH-228 CH-230 public text is made only by the redaction gate', () => {
  test('the date fields exempt from the compile-time check are LocalDate scalars in every public type', () => {
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !type.name.startsWith('Public')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!DATE_FIELDS.includes(field.name)) continue;
        found.push(`${type.name}.${field.name}`);
        expect(`${type.name}.${field.name}: ${getNamedType(field.type).name}`).toBe(`${type.name}.${field.name}: LocalDate`);
      }
    }
    expect(found.length).toBeGreaterThan(8);
  });

  test('a public field filled with a plain string does not compile; one filled by the gate does', () => {
    const dir = join(ROOT, '.data', 'typecheck');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'public-text-fixture.ts');
    const src = (path: string) => relative(dir, join(ROOT, 'src', path)).replace(/\\/g, '/');
    const lines = [
      `import type { PublicReport, PublicReportSection, PublicRegisteredProvider } from '${src('modules/public/public.types')}';`,
      `import type { PublicFeedEvent } from '${src('modules/feeds/feed.types')}';`,
      `import { publicTemplate, redactor } from '${src('domain/redaction')}';`,
      `declare const report: PublicReport;`,
      `declare const event: PublicFeedEvent;`,
      `declare const reason: string;`,
      `const clean = redactor({ people: [], settingName: 'Larch House', address: null, settingWord: 'the home' });`,
      `export const fine: PublicReportSection = { heading: publicTemplate\`Findings\`, text: clean.text(reason) };`,
      `report.amendmentReason = reason; // REFUSED`,
      `export const section: PublicReportSection = { heading: publicTemplate\`Findings\`, text: reason }; // REFUSED`,
      `export const provider: PublicRegisteredProvider = { name: 'Larch Care Ltd', address: null }; // REFUSED`,
      `report.sections.push({ heading: publicTemplate\`Findings\`, text: \`\${reason}\` }); // REFUSED`,
      `event.urn = report.urn.toLowerCase(); // REFUSED`,
    ];
    writeFileSync(file, lines.join('\n'));
    const config = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )!;
    const program = ts.createProgram([file], { ...config.options, noEmit: true, noUnusedLocals: false });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line);
    const refused = lines.flatMap((line, i) => (line.endsWith('// REFUSED') ? [i] : []));
    expect([...new Set(errors)].sort((a, b) => a - b)).toEqual(refused);
  }, 120_000);

  test('nothing outside the gate casts to PublicText or to a public type', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(ROOT, 'src'));
    const gate = join(ROOT, 'src', 'domain', 'redaction.ts');
    const casts = files.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bas\s+(?:unknown\s+as\s+)?Public[A-Z]\w*|<Public[A-Z]\w*>(?=[\w(])/.test(line) && path !== gate
            ? [`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(casts).toEqual([]);
    expect(readFileSync(gate, 'utf8').match(/as PublicText/g)).toHaveLength(1);
  });
});
