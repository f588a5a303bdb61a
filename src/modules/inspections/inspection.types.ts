import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, InterfaceType, ObjectType } from 'type-graphql';
import { InspectionStatus, LineOfEnquirySource } from '../../domain/inspection-lifecycle';
import { InspectionType, NoticeRule } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import { ConnectionType } from '../shared/connection';
import { UserError } from '../shared/user-error';
import { Inspection, LineOfEnquiry } from './inspection.entity';

@ObjectType({ description: 'The notice an inspection got, against the rule for its type and setting. A breach is flagged, not refused.' })
export class NoticeAssessment {
  @Field(() => NoticeRule, { description: 'The notice rule that applies.' })
  rule!: NoticeRule;

  @Field(() => String, { nullable: true, description: 'The rule in the rule catalogue, e.g. "ASA-043".' })
  ruleId!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Working days of notice due before the first day on site, where the rule sets a number.',
  })
  workingDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days of notice actually given before the first day (or the scheduled start).' })
  workingDaysGiven!: number | null;

  @Field({ description: 'The notice given breaks the rule.' })
  breach!: boolean;

  @Field({ description: 'What was found, in words.' })
  explanation!: string;
}

@ObjectType({ description: 'A page of inspections, in order of scheduled start (Relay cursor connection).' })
export class InspectionConnection extends ConnectionType(Inspection, 'Inspection') {}

/**
 * What every mutation on an inspection returns, whatever else it made: each mutation has a payload
 * of its own, named after it, that implements this (a client's fragment on it keeps working).
 */
@InterfaceType({
  description:
    'The result of a mutation on an inspection: the inspection as it now stands and the user errors. Each such mutation returns a payload of its own, named after it, that may also give what it made.',
})
export abstract class InspectionPayload {
  @Field(() => Inspection, { nullable: true, description: 'The inspection as it now stands; null when there are user errors.' })
  inspection!: Inspection | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the change was made.' })
  userErrors!: UserError[];
}

@ObjectType({ implements: InspectionPayload, description: 'The result of scheduleInspection: the inspection it planned.' })
export class ScheduleInspectionPayload extends InspectionPayload {}

@ObjectType({ implements: InspectionPayload, description: 'The result of startInspection: the inspection, now on site.' })
export class StartInspectionPayload extends InspectionPayload {}

@ObjectType({
  implements: InspectionPayload,
  description: 'The result of addLineOfEnquiry: the line of enquiry it added, and the inspection.',
})
export class AddLineOfEnquiryPayload extends InspectionPayload {
  @Field(() => LineOfEnquiry, { nullable: true, description: 'The line of enquiry added; null when there are user errors.' })
  lineOfEnquiry!: LineOfEnquiry | null;
}

@ObjectType({
  implements: InspectionPayload,
  description: 'The result of completeFieldwork: the inspection, with its fieldwork complete and feedback given.',
})
export class CompleteFieldworkPayload extends InspectionPayload {}

@InputType({ description: 'Filters for inspections; all given filters must match.' })
export class InspectionFilter {
  @Field(() => ID, { nullable: true, description: 'Only inspections of this setting.' })
  providerId?: string | null;

  @Field(() => InspectionType, { nullable: true, description: 'Only inspections of this type.' })
  type?: InspectionType | null;

  @Field(() => InspectionStatus, { nullable: true, description: 'Only inspections in this state.' })
  status?: InspectionStatus | null;
}

@InputType({ description: 'A line of enquiry.' })
export class LineOfEnquiryInput {
  @Field(() => LineOfEnquirySource, { description: 'Where it came from.' })
  source!: LineOfEnquirySource;

  @Field({ description: 'What the inspectors will look into.' })
  text!: string;
}

@InputType({ description: 'An inspection or visit to plan.' })
export class ScheduleInspectionInput {
  @Field(() => ID, { description: 'The setting to inspect.' })
  providerId!: string;

  @Field(() => InspectionType, { description: 'The kind of inspection or visit; it must apply to the setting type.' })
  type!: InspectionType;

  @Field(() => LocalDateResolver, { description: 'The day it is planned to start.' })
  scheduledStart!: LocalDate;

  @Field({ description: 'The lead inspector.' })
  leadInspector!: string;

  @Field(() => [String], { nullable: true, description: 'The other inspectors of the team.' })
  teamInspectors?: string[] | null;

  @Field(() => [LineOfEnquiryInput], {
    nullable: true,
    description: "Lines of enquiry; for children's homes the statement of purpose is always one (CH-040).",
  })
  linesOfEnquiry?: LineOfEnquiryInput[] | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day notice was given, if any (adoption support agencies get 10 or 20 working days).',
  })
  noticeGivenOn?: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Why notice is given where the visit is usually unannounced.' })
  noticeReason?: string | null;
}

@InputType({ description: 'Inspectors arrive on site.' })
export class StartInspectionInput {
  @Field(() => ID, { description: 'The inspection.' })
  inspectionId!: string;

  @Field(() => LocalDateResolver, { description: 'The first day on site.' })
  onSiteStart!: LocalDate;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day notice was given, if not recorded at scheduling (an assurance visit is announced on its first day).',
  })
  noticeGivenOn?: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Why notice was given where the visit is usually unannounced.' })
  noticeReason?: string | null;
}

@InputType({ description: 'A line of enquiry emerging during the inspection (CH-049).' })
export class AddLineOfEnquiryInput {
  @Field(() => ID, { description: 'The inspection.' })
  inspectionId!: string;

  @Field(() => LineOfEnquirySource, { description: 'Where it came from.' })
  source!: LineOfEnquirySource;

  @Field({ description: 'What the inspectors will look into.' })
  text!: string;
}

@InputType({ description: 'The end of fieldwork: feedback given on the last day of the inspection.' })
export class CompleteFieldworkInput {
  @Field(() => ID, { description: 'The inspection.' })
  inspectionId!: string;

  @Field(() => LocalDateResolver, { description: 'The last day on site.' })
  onSiteEnd!: LocalDate;

  @Field(() => LocalDateResolver, { description: 'The day feedback was given: the last day of the inspection (CH-024).' })
  feedbackDate!: LocalDate;

  @Field(() => String, {
    nullable: true,
    description: 'Why the inspectors were on site longer than usual (CH-010, RFC-045, ASA-049, CA-057).',
  })
  extendedOnSiteReason?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'ONS codes of the authorities that placed the children living there: their directors are told of serious findings (CHA-075).',
  })
  placingAuthorities?: string[] | null;
}
