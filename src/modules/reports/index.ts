/**
 * The reports module's public face: the report pipeline from fieldwork to publication (the
 * service the draft report query uses), the provider's comments and complaints as GraphQL types,
 * and the report timetable of an inspection.
 */
export { Complaint, FactualAccuracyComment } from './report.entity';
export { ReportService, deadlinesOf } from './report.service';
export { reportLoaders } from './report.loaders';
