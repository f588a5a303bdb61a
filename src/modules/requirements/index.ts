/**
 * The requirements module's public face: requirements, recommendations and compliance notices
 * as GraphQL types, and how other modules read them.
 */
export { CheckedItem, ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';
export { RequirementRepository } from './requirement.repository';
export { requirementLoaders } from './requirement.loaders';
export type { RequirementService } from './requirement.service';
