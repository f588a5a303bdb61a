/**
 * The exports module's public face: the bulk downloads of the public data (providers.csv,
 * reports.jsonl), registered by the server with the schema whose public types they follow.
 */
export { exportRoutes, type ExportRoutesOptions } from './exports.routes';
export { EXPORT_BATCH_SIZE, exportFormats, publicProviders, publicReports, type AreaFilter } from './exports.service';
