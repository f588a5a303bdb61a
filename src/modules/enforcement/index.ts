/**
 * The enforcement module's public face: case reviews and notification tasks as GraphQL types, and
 * the follow-ups an inspection's outcome opens (run by the judgements module as it records one).
 */
export { CaseReview, NotificationTask } from './enforcement.entity';
export { openFollowUps } from './enforcement.service';
export { enforcementLoaders } from './enforcement.loaders';
export type { EnforcementService } from './enforcement.service';
