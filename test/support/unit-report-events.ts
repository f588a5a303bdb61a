import type { LocalDate } from '../../src/domain/local-date';
import type { ReportEvents } from '../../src/domain/report-deadlines';

/**
 * The report events of an inspection whose feedback day (CH-024) was `endOfInspection`, with nothing
 * done since: no draft, comments, final report or publication, and no open complaint; then `overrides`.
 */
export const pendingReportEvents = (endOfInspection: LocalDate, overrides: Partial<ReportEvents> = {}): ReportEvents => ({
  endOfInspection,
  draftSentOn: null,
  commentsReturnedOn: null,
  finalReportIssuedOn: null,
  publishedOn: null,
  complaintOpen: false,
  ...overrides,
});
