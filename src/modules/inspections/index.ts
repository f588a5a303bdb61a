/**
 * The inspections module's public face: inspections and their lines of enquiry as GraphQL types,
 * how other modules read them and lock one to record at it, and who may read one by ID.
 */
export { Inspection, LineOfEnquiry } from './inspection.entity';
export { InspectionConnection, InspectionPayload, NoticeAssessment } from './inspection.types';
export { InspectionRepository } from './inspection.repository';
export { inspectionKey, lockInspection, type InspectionResult } from './inspection.service';
export { assertMayReadInspection, registerRecordedAtInspection } from './inspection.access';
export { inspectionLoaders } from './inspection.loaders';
export type { InspectionService } from './inspection.service';
