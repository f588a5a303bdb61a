import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ItemStatus } from '../../domain/requirements';
import { ConnectionType } from '../shared/connection';
import type { LocalDate } from '../../domain/local-date';
import { ComplianceNoticeGround } from '../../domain/requirements';
import { UserError } from '../shared/user-error';
import { ComplianceNotice, Recommendation, Requirement } from './requirement.entity';
import './requirement.enums';

export enum CheckOutcome {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
}

registerEnumType(CheckOutcome, {
  name: 'CheckOutcome',
  description: 'What a later visit found.',
  valuesConfig: { MET: { description: 'Met.' }, NOT_MET: { description: 'Not met (partial compliance is not compliance).' } },
});

@ObjectType({ description: 'The result of recordRequirement or checkRequirement.' })
export class RequirementPayload {
  @Field(() => Requirement, { nullable: true, description: 'The requirement; null when there are user errors.' })
  requirement!: Requirement | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the change was made.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of recordRecommendation or checkRecommendation.' })
export class RecommendationPayload {
  @Field(() => Recommendation, { nullable: true, description: 'The recommendation; null when there are user errors.' })
  recommendation!: Recommendation | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the change was made.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of serveComplianceNotice.' })
export class ComplianceNoticePayload {
  @Field(() => ComplianceNotice, { nullable: true, description: 'The notice; null when there are user errors.' })
  complianceNotice!: ComplianceNotice | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the notice was recorded.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A requirement: a breach of a regulation, backed by evidence of the weakness.' })
export class RecordRequirementInput {
  @Field(() => ID, { description: 'The inspection at which it is made.' })
  inspectionId!: string;

  @Field({ description: 'The regulation breached (CH-128).' })
  regulation!: string;

  @Field({ description: 'What the registered person must do.' })
  action!: string;

  @Field(() => LocalDateResolver, { description: 'The date by which it must be done.' })
  dueDate!: LocalDate;

  @Field({ description: 'The actual or potential impact on the quality of care, safety or welfare (CH-127).' })
  impactStatement!: string;

  @Field(() => [ID], {
    description:
      'Evidence of the weakness it addresses, recorded at this inspection (CHA-041); more than one source for family centres and adoption support agencies.',
  })
  evidenceIds!: string[];
}

@InputType({ description: 'A recommendation to improve practice.' })
export class RecordRecommendationInput {
  @Field(() => ID, { description: 'The inspection at which it is made.' })
  inspectionId!: string;

  @Field({
    description: "The Guide's page and paragraph or statutory guidance (CH-136), or the national minimum standard (RFC-030, ASA-028).",
  })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'A summary of what is cited (required for adoption support agencies, ASA-028).' })
  guidanceSummary?: string | null;

  @Field({ description: 'What the registered person should do.' })
  action!: string;

  @Field(() => [ID], { description: 'Evidence it rests on, recorded at this inspection (CH-146).' })
  evidenceIds!: string[];
}

@InputType({ description: 'One action of a compliance notice.' })
export class ComplianceNoticeActionInput {
  @Field({ description: 'The regulation it is to meet.' })
  regulation!: string;

  @Field({ description: 'What the provider must do.' })
  action!: string;

  @Field(() => LocalDateResolver, { description: 'The date by which it must be done; after the notice is served.' })
  completionDate!: LocalDate;
}

@InputType({ description: 'A compliance notice served after an inspection.' })
export class ServeComplianceNoticeInput {
  @Field(() => ID, { description: 'The inspection after which it is served.' })
  inspectionId!: string;

  @Field(() => ComplianceNoticeGround, { description: 'Why it is served (CH-139).' })
  ground!: ComplianceNoticeGround;

  @Field(() => LocalDateResolver, { description: 'The day it was served.' })
  servedOn!: LocalDate;

  @Field(() => [ComplianceNoticeActionInput], { description: 'The actions, each with its regulation and completion date (CH-140).' })
  actions!: ComplianceNoticeActionInput[];
}

@InputType({ description: 'What a later visit found about a requirement.' })
export class CheckRequirementInput {
  @Field(() => ID, { description: 'The requirement.' })
  requirementId!: string;

  @Field(() => ID, { description: 'The later visit to the same setting that checked it.' })
  inspectionId!: string;

  @Field(() => CheckOutcome, { description: 'Met or not met.' })
  outcome!: CheckOutcome;
}

@InputType({ description: 'What a later visit found about a recommendation.' })
export class CheckRecommendationInput {
  @Field(() => ID, { description: 'The recommendation.' })
  recommendationId!: string;

  @Field(() => ID, { description: 'The later visit to the same setting that checked it.' })
  inspectionId!: string;

  @Field(() => CheckOutcome, { description: 'Met or not met.' })
  outcome!: CheckOutcome;
}

@ObjectType({ description: 'A page of requirements, oldest first (Relay cursor connection).' })
export class RequirementConnection extends ConnectionType(Requirement, 'Requirement') {}

@ObjectType({ description: 'A page of recommendations, oldest first (Relay cursor connection).' })
export class RecommendationConnection extends ConnectionType(Recommendation, 'Recommendation') {}

@ObjectType({ description: 'A page of compliance notices, oldest first (Relay cursor connection).' })
export class ComplianceNoticeConnection extends ConnectionType(ComplianceNotice, 'ComplianceNotice') {}

@InputType({ description: 'Filters for requirements, recommendations and compliance notices; all given filters must match.' })
export class InspectionItemFilter {
  @Field(() => ID, { nullable: true, description: 'Only those made at inspections of this setting.' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only those made at this inspection.' })
  inspectionId?: string | null;

  @Field(() => ItemStatus, { nullable: true, description: 'Requirements and recommendations only: only those with this status.' })
  status?: ItemStatus | null;
}
