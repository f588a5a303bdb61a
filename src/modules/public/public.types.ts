/**
 * The public, redacted views. Separate types built from the published content and an allow-list
 * of provider fields: none has a field that could hold a setting's name, address or postcode, or
 * a person's name other than the registered provider and responsible individual (para 163).
 * Every string field is a `PublicText`, which only the redaction gate makes: a field filled with
 * a plain string does not compile.
 */
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InspectionType } from '../../domain/inspection-types';
import { Grade, InterimOutcome } from '../../domain/judgements';
import type { LocalDate } from '../../domain/local-date';
import type { PublicText } from '../../domain/public-text';
import { SettingType } from '../../domain/setting-types';
import { ConnectionType } from '../shared/connection';

@ObjectType({ simpleResolvers: true, description: 'Where a setting is, as far as the public may know: its local authority and region.' })
export class PublicArea {
  @Field(() => String, { description: 'ONS code of the local authority.' }) localAuthorityCode!: PublicText;
  @Field(() => String, { description: 'Name of the local authority.' }) localAuthorityName!: PublicText;
  @Field(() => String, { description: 'ONS code of the region.' }) regionCode!: PublicText;
  @Field(() => String, { description: 'Name of the region.' }) regionName!: PublicText;
}

@ObjectType({ simpleResolvers: true, description: 'The registered provider, published only where it is an organisation (para 163).' })
export class PublicRegisteredProvider {
  @Field(() => String, { description: 'Name of the organisation.' }) name!: PublicText;
  @Field(() => String, {
    nullable: true,
    description: "The organisation's address (not the setting's), without its postcode; null where it would locate the setting.",
  })
  address!: PublicText | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The judgements of a published report; which are set depends on the kind of inspection.',
})
export class PublicJudgements {
  @Field(() => String, { description: 'FULL_INSPECTION, INTERIM, NO_JUDGEMENT, ASSURANCE_VISIT or MONITORING_VISIT.' }) kind!: PublicText;
  @Field(() => Grade, { nullable: true, description: 'Overall experiences and progress of children.' })
  overallExperiencesAndProgress!: Grade | null;
  @Field(() => Grade, { nullable: true, description: 'How well children are helped and protected.' }) helpedAndProtected!: Grade | null;
  @Field(() => Grade, { nullable: true, description: 'The effectiveness of leaders and managers.' }) leadersAndManagers!: Grade | null;
  @Field(() => InterimOutcome, { nullable: true, description: 'Interim inspections: relative to the previous inspection.' })
  interimOutcome!: InterimOutcome | null;
  @Field(() => Boolean, { nullable: true, description: 'Assurance visits: whether serious or widespread concerns were found.' })
  seriousOrWidespreadConcerns!: boolean | null;
  @Field(() => Grade, { nullable: true, description: 'Monitoring visits: a new overall judgement, where one was made.' })
  newOverallGrade!: Grade | null;
  @Field(() => String, { nullable: true, description: 'Interim inspections with no children placed: the prescribed statement.' })
  statement!: PublicText | null;
}

@ObjectType({ simpleResolvers: true, description: 'A section of a published report, redacted.' })
export class PublicReportSection {
  @Field(() => String, { description: 'The heading.' }) heading!: PublicText;
  @Field(() => String, { description: 'The text.' }) text!: PublicText;
}

@ObjectType({ simpleResolvers: true, description: 'A requirement as published.' })
export class PublicRequirement {
  @Field(() => String, { description: 'The regulation.' }) regulation!: PublicText;
  @Field(() => String, { description: 'What the registered person must do.' }) action!: PublicText;
  @Field(() => LocalDateResolver, { description: 'By when.' }) dueDate!: LocalDate;
}

@ObjectType({ simpleResolvers: true, description: 'A recommendation as published.' })
export class PublicRecommendation {
  @Field(() => String, { description: 'The guidance or standard cited.' }) reference!: PublicText;
  @Field(() => String, { description: 'What the registered person should do.' }) action!: PublicText;
}

@ObjectType({ simpleResolvers: true, description: "An earlier inspection in a report's history." })
export class PublicInspectionSummary {
  @Field(() => InspectionType, { description: 'The kind of inspection.' }) type!: InspectionType;
  @Field(() => LocalDateResolver, { description: 'Its last day.' }) end!: LocalDate;
  @Field(() => String, { nullable: true, description: 'Its outcome, in words.' }) outcome!: PublicText | null;
}

@ObjectType({ simpleResolvers: true, description: 'Statutory enforcement action taken since the last inspection.' })
export class PublicEnforcementAction {
  @Field(() => String, { description: 'The action.' }) action!: PublicText;
  @Field(() => LocalDateResolver, { description: 'When.' }) date!: LocalDate;
}

@ObjectType({ simpleResolvers: true, description: 'A version of a published report: when it was published and, for an amendment, why.' })
export class PublicReportVersion {
  @Field(() => Int, { description: 'The version: 1 as first published, then one more for each amendment.' }) version!: number;
  @Field(() => LocalDateResolver, { description: 'When it was published.' }) publishedOn!: LocalDate;
  @Field(() => String, { nullable: true, description: 'For an amendment: why, redacted like the report.' })
  amendmentReason!: PublicText | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A published inspection report, redacted: found only by URN, local authority or region (CH-230).',
})
export class PublicReport {
  @Field(() => ID, { description: 'Stable ID of the report: the same for every version, so a link to it survives an amendment.' })
  id!: PublicText;
  @Field(() => String, { description: 'Unique reference number of the setting.' }) urn!: PublicText;
  @Field(() => SettingType, { description: 'The kind of setting.' }) settingType!: SettingType;
  @Field(() => PublicArea, { description: 'Its local authority and region.' }) area!: PublicArea;
  @Field(() => PublicRegisteredProvider, { nullable: true, description: 'The registered provider, where an organisation.' })
  registeredProvider!: PublicRegisteredProvider | null;
  @Field(() => String, { nullable: true, description: "The responsible individual's name." }) responsibleIndividual!: PublicText | null;
  @Field(() => InspectionType, { description: 'The kind of inspection.' }) inspectionType!: InspectionType;
  @Field(() => LocalDateResolver, { description: 'First day of the inspection.' }) inspectionStart!: LocalDate;
  @Field(() => LocalDateResolver, { description: 'Last day of the inspection.' }) inspectionEnd!: LocalDate;
  @Field(() => LocalDateResolver, { description: 'When this version was published.' }) publishedOn!: LocalDate;
  @Field(() => Int, { description: 'Version: 1 as first published, then one more for each amendment.' }) version!: number;
  @Field(() => String, { nullable: true, description: 'For an amended version: why it was amended, redacted like the report.' })
  amendmentReason!: PublicText | null;
  @Field(() => [PublicReportVersion], {
    description:
      'The versions published so far, up to this one, oldest first: when each was published and why it was amended. Withdrawn versions are left out.',
  })
  versions!: PublicReportVersion[];
  @Field(() => PublicJudgements, { description: 'The judgements.' }) judgements!: PublicJudgements;
  @Field(() => [PublicReportSection], { description: 'The text, by section.' }) sections!: PublicReportSection[];
  @Field(() => String, { nullable: true, description: 'The child-friendly summary.' }) childFriendlySummary!: PublicText | null;
  @Field(() => [PublicRequirement], { description: 'Requirements made.' }) requirements!: PublicRequirement[];
  @Field(() => [PublicRecommendation], { description: 'Recommendations made.' }) recommendations!: PublicRecommendation[];
  @Field(() => PublicInspectionSummary, { nullable: true, description: 'The date and judgement of the last inspection.' })
  lastInspection!: PublicInspectionSummary | null;
  @Field(() => [PublicInspectionSummary], { description: 'The last four full or interim inspections (monitoring visits left out).' })
  history!: PublicInspectionSummary[];
  @Field(() => [PublicEnforcementAction], { description: 'Enforcement action since the last inspection (statutory action only).' })
  enforcementSinceLastInspection!: PublicEnforcementAction[];
  @Field(() => String, { description: 'Information about the service.' }) aboutTheService!: PublicText;
}

@ObjectType({ simpleResolvers: true, description: 'A page of published reports, newest first (Relay cursor connection).' })
export class PublicReportConnection extends ConnectionType(PublicReport, 'PublicReport') {}

@ObjectType({ simpleResolvers: true, description: 'A registered setting as the public may see it: no name, address or postcode.' })
export class PublicProvider {
  @Field(() => String, { description: 'Unique reference number.' }) urn!: PublicText;
  @Field(() => SettingType, { description: 'The kind of setting.' }) settingType!: SettingType;
  @Field(() => PublicArea, { description: 'Its local authority and region.' }) area!: PublicArea;
  @Field(() => PublicRegisteredProvider, { nullable: true, description: 'The registered provider, where an organisation.' })
  registeredProvider!: PublicRegisteredProvider | null;
  @Field(() => String, { nullable: true, description: "The responsible individual's name." }) responsibleIndividual!: PublicText | null;
  @Field(() => [PublicReport], { description: 'Its published reports, newest first (current versions).' }) reports!: PublicReport[];
}
