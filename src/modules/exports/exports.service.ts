/**
 * The bulk exports of the public data: async generators that read the database in keyset
 * batches (never the whole table at once, the identity map cleared after each batch so memory
 * stays flat at national scale) and map every row with the public views' own functions.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { ProviderRepository } from '../providers';
import {
  PublishedReportRepository,
  toPublicProvider,
  toPublicReport,
  type PublicProvider,
  type PublicReport,
  type VersionPosition,
} from '../public';
import { ReferenceRepository } from '../reference';
import { groupBy } from '../shared/loader';
import { graphqlView, objectType, pickColumns, scalarColumns, valueAt, type Column } from './graphql-view';

export const EXPORT_BATCH_SIZE = 500;

/** ONS codes, already checked to be an English region and local authority. */
export interface AreaFilter {
  region?: string;
  localAuthority?: string;
}

/**
 * Every setting the public can see with `publicProvider` (the whole register: that query filters
 * nothing but the URN), in URN order, in the area: by the local authority it is registered in now.
 */
export async function* publicProviders(em: EntityManager, area: AreaFilter, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<PublicProvider> {
  let after: string | null = null;
  for (;;) {
    const batch = await new ProviderRepository(em).registerBatch(area, after, batchSize);
    if (batch.length === 0) return;
    const areas = await new ReferenceRepository(em).areasOf(batch.map((p) => p.localAuthority.onsCode));
    const reports = await new PublishedReportRepository(em).currentVersionsAt(batch.map((p) => p.urn));
    const reportsByUrn = groupBy(reports, (report) => report.urn);
    const views = batch.map((p) => toPublicProvider(p, areas.get(p.localAuthority.onsCode)!, reportsByUrn.get(p.urn) ?? []));
    after = batch[batch.length - 1].urn;
    em.clear();
    yield* views;
    if (batch.length < batchSize) return;
  }
}

/**
 * The current published version of every report in the area (by the local authority and region
 * it was published under, as `publicReports` filters), by URN and, within a setting, newest
 * first: the first of a setting's reports is the one `publicReport(urn)` answers.
 */
export async function* publicReports(em: EntityManager, area: AreaFilter, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<PublicReport> {
  let after: VersionPosition | null = null;
  for (;;) {
    const batch = await new PublishedReportRepository(em).currentVersionsIn(area, after, batchSize);
    if (batch.length === 0) return;
    const views = batch.map(toPublicReport);
    const last = batch[batch.length - 1];
    after = { urn: last.urn, publishedOn: last.publishedOn, id: last.id };
    em.clear();
    yield* views;
    if (batch.length < batchSize) return;
  }
}

/** The latest report's fields summarised in providers.csv (PublicReport paths). */
const LATEST_REPORT_FIELDS = [
  'id',
  'inspectionType',
  'inspectionStart',
  'inspectionEnd',
  'publishedOn',
  'version',
  'judgements.kind',
  'judgements.overallExperiencesAndProgress',
  'judgements.helpedAndProtected',
  'judgements.leadersAndManagers',
  'judgements.interimOutcome',
  'judgements.seriousOrWidespreadConcerns',
  'judgements.newOverallGrade',
];

/**
 * The shapes of the two exports, from the schema. providers.csv: PublicProvider's scalar fields
 * (nested objects as dotted names), then `reportCount` (how many reports `reports` holds) and
 * `latestReport.*`, the first of them (the one `publicReport(urn)` answers), empty when none.
 */
export function exportFormats(schema: GraphQLSchema) {
  const providerType = objectType(schema, 'PublicProvider');
  const reportType = objectType(schema, 'PublicReport');
  const providerColumns = scalarColumns(providerType);
  const latestColumns = pickColumns(reportType, LATEST_REPORT_FIELDS, ['latestReport']);
  const header = [...providerColumns.map((c) => c.header), 'reportCount', ...latestColumns.map((c) => c.header)];
  const cell = (view: unknown, column: Column, skip = 0) => valueAt(view, column.path.slice(skip));
  return {
    providerHeader: header,
    /** One providers.csv record, in the header's order. */
    providerRow(provider: PublicProvider): unknown[] {
      const view = graphqlView(providerType, { ...provider, reports: [] });
      const latest = provider.reports[0] ? graphqlView(reportType, provider.reports[0]) : null;
      return [...providerColumns.map((c) => cell(view, c)), provider.reports.length, ...latestColumns.map((c) => cell(latest, c, 1))];
    },
    /** One reports.jsonl line: the report as `publicReport` answers it with every field selected. */
    reportLine(report: PublicReport): string {
      return `${JSON.stringify(graphqlView(reportType, report))}\n`;
    },
  };
}

export type ExportFormats = ReturnType<typeof exportFormats>;
