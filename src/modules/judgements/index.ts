/**
 * The judgements module's public face: what inspections concluded (every version of it) as
 * GraphQL types, and how other modules read it: the latest judgements, the current grades.
 */
export { JudgementRecord } from './judgement.entity';
export { JudgementKind } from './judgement.enums';
export { JudgementRepository, latestOf } from './judgement.repository';
export { judgementLoaders } from './judgement.loaders';
export type { JudgementService } from './judgement.service';
