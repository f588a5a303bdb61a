/**
 * The public module's public face: the redacted public views (GraphQL types), the published
 * versions of reports and how other modules read them, and publication itself (a new redacted
 * version, a withdrawal), run by the reports module in its own transactions.
 */
export { PublishedReport, type PublishedVersionEntry } from './published-report.entity';
export {
  PublicArea,
  PublicEnforcementAction,
  PublicProvider,
  PublicRegisteredProvider,
  PublicReport,
  PublicReportConnection,
} from './public.types';
export { publicReportId, toPublicProvider, toPublicReport, type PublishedVersion } from './public.service';
export { draftReport, publishVersion, withdrawVersions } from './publication.service';
export { PublishedReportRepository, type PublishedArea, type VersionPosition } from './published-report.repository';
export type { PublicService } from './public.service';
