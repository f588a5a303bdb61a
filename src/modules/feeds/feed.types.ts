import { LocalDateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FeedEventType } from '../../domain/feed';
import { InspectionType } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import { ProviderStatus } from '../../domain/provider-register';
import { SettingType } from '../../domain/setting-types';
import { NotificationRecipient } from '../../domain/case-reviews';
// NotificationRecipient is registered as a GraphQL enum by the enforcement module (whose notifications the feed
// carries), which the schema is always built with (src/server/schema.ts): not imported here, where it would make a cycle.
import type { PublicText } from '../../domain/public-text';
import { PublicArea, PublicEnforcementAction, PublicRegisteredProvider, PublicReport } from '../public';
import { ConnectionType } from '../shared/connection';

registerEnumType(FeedEventType, {
  name: 'FeedEventType',
  description: 'What a feed event tells of.',
  valuesConfig: {
    REPORT_PUBLISHED: { description: 'A full inspection, interim inspection or assurance visit report is published (`report`).' },
    JUDGEMENT_PUBLISHED: {
      description: 'A published report carries judgements: a grade, an interim outcome, a new grade or an assurance finding (`report`).',
    },
    MONITORING_VISIT_PUBLISHED: { description: 'A monitoring visit report is published (`report`).' },
    REPORT_AMENDED: { description: 'A published report is amended: its new version (`report`).' },
    REPORT_WITHDRAWN: {
      description:
        'A published report is withdrawn from the public, every version (`withdrawal`): delete what you hold of it. The earlier events that carried it keep their place but now carry the withdrawal instead of the report.',
    },
    ENFORCEMENT_ACTION_TAKEN: { description: 'Statutory enforcement action: a compliance notice served (`enforcementAction`).' },
    PROVIDER_REGISTERED: { description: 'A setting is registered (`setting`).' },
    PROVIDER_CLOSED: { description: 'A setting closes (`setting`).' },
    PROVIDER_CANCELLED: { description: "A setting's registration is cancelled (`setting`)." },
    INADEQUATE_JUDGEMENT_NOTIFICATION: {
      description:
        'For the placing or host authority it is addressed to only: a setting judged inadequate (CHA-078, RFC-082, ASA-111) (`notification`).',
    },
    SERIOUS_CONCERNS_NOTIFICATION: {
      description: 'For the placing or host authority it is addressed to only: serious or widespread concerns (CA-084) (`notification`).',
    },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A published report withdrawn from the public: every version of it, at once.' })
export class PublicReportWithdrawal {
  @Field(() => ID, { description: 'The stable ID of the report withdrawn (`PublicReport.id`).' }) reportId!: PublicText;
  @Field(() => [Int], { description: 'The versions withdrawn.' }) versions!: number[];
  @Field(() => LocalDateResolver, { description: 'When it was withdrawn.' }) withdrawnOn!: LocalDate;
}

@ObjectType({ simpleResolvers: true, description: "A setting's public register entry as a feed event left it." })
export class PublicSettingEntry {
  @Field(() => String, { description: 'Unique reference number.' }) urn!: PublicText;
  @Field(() => SettingType, { description: 'The kind of setting.' }) settingType!: SettingType;
  @Field(() => PublicArea, { description: 'Its local authority and region.' }) area!: PublicArea;
  @Field(() => PublicRegisteredProvider, { nullable: true, description: 'The registered provider, where an organisation.' })
  registeredProvider!: PublicRegisteredProvider | null;
  @Field(() => String, { nullable: true, description: "The responsible individual's name." }) responsibleIndividual!: PublicText | null;
  @Field(() => ProviderStatus, { description: 'Registered, suspended, closed or cancelled.' }) status!: ProviderStatus;
  @Field(() => LocalDateResolver, { description: 'Since when.' }) statusDate!: LocalDate;
}

@ObjectType({
  simpleResolvers: true,
  description: "A notification to a director of children's services, in the feed of the authority it is addressed to and no other.",
})
export class FeedNotification {
  @Field(() => NotificationRecipient, { description: 'As placing or as host authority.' }) recipient!: NotificationRecipient;
  @Field({ description: 'The rule that requires it.' }) ruleId!: string;
  @Field(() => LocalDateResolver, { description: 'The day by which Ofsted must tell the authority.' }) dueBy!: LocalDate;
  @Field({ description: 'The name of the setting (told to the authority, never published).' }) settingName!: string;
  @Field(() => InspectionType, { description: 'The inspection or visit.' }) inspectionType!: InspectionType;
  @Field(() => LocalDateResolver, { description: 'Its last day.' }) inspectionEnd!: LocalDate;
  @Field({ description: 'INADEQUATE_OVERALL or SERIOUS_OR_WIDESPREAD_CONCERNS.' }) reason!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'One event of the judgement feed. Exactly one of `report`, `setting`, `enforcementAction`, `withdrawal` and `notification` is set, by `type`; ' +
    'an event whose report was later withdrawn carries the `withdrawal` instead.',
})
export class PublicFeedEvent {
  @Field(() => ID, {
    description: 'Stable ID of the event: the same in the feed, in webhooks and on every retry, so receivers can drop duplicates.',
  })
  id!: PublicText;
  @Field(() => FeedEventType, { description: 'What happened.' }) type!: FeedEventType;
  @Field(() => String, { description: 'The setting (URN).' }) urn!: PublicText;
  @Field(() => SettingType, { description: 'The kind of setting.' }) settingType!: SettingType;
  @Field(() => PublicArea, { description: 'Its local authority and region.' }) area!: PublicArea;
  @Field(() => LocalDateResolver, { description: 'The day it happened (published, served, registered, judged).' }) occurredOn!: LocalDate;
  @Field(() => DateTimeResolver, { description: 'When it reached the feed (the commit of the change).' }) publishedAt!: Date;
  @Field(() => PublicReport, {
    nullable: true,
    description: 'Reports published or amended: the public report, as `publicReport` gives it.',
  })
  report!: PublicReport | null;
  @Field(() => PublicSettingEntry, { nullable: true, description: 'Settings registered, closed or cancelled.' })
  setting!: PublicSettingEntry | null;
  @Field(() => PublicEnforcementAction, { nullable: true, description: 'Enforcement action taken.' })
  enforcementAction!: PublicEnforcementAction | null;
  @Field(() => PublicReportWithdrawal, {
    nullable: true,
    description: 'Reports withdrawn: which, and when. Also on the earlier events that carried the report, in place of it.',
  })
  withdrawal!: PublicReportWithdrawal | null;
  @Field(() => FeedNotification, { nullable: true, description: 'Notifications, to their addressee only.' })
  notification!: FeedNotification | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A page of the judgement feed, oldest first. `pageInfo.endCursor` is where to resume, also when the page is empty.',
})
export class PublicFeedEventConnection extends ConnectionType(PublicFeedEvent, 'PublicFeedEvent') {}
