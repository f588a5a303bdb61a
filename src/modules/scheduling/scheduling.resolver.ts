import { badArgument } from '../shared/arguments';
import { LocalDateResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { isLocalDate, type LocalDate } from '../../domain/local-date';
import { Grade } from '../../domain/judgements';
import { DueKind, type InspectionDue } from '../../domain/scheduling';
import { Provider } from '../providers';
import { checkAreaArguments } from '../reference';
import type { Context } from '../shared/context';
import { ConnectionType, pageInMemory } from '../shared/connection';
import { dueBefore } from './scheduling.service';
import { Allow, signedIn } from '../auth';
import { Permission } from '../../domain/access';

registerEnumType(DueKind, {
  name: 'DueKind',
  description: 'What is due.',
  valuesConfig: {
    FULL_INSPECTION: { description: 'A full inspection.' },
    INTERIM_INSPECTION: { description: "An interim inspection (children's homes)." },
    INSPECTION_ACTIVITY: {
      description:
        "Some inspection activity: a monitoring visit or a full inspection, six to eight weeks after an inadequate judgement (CH-179). The weeks are counted from the end of the inspection, the rule catalogue's reading (the handbook does not say); a server configured with RETURN_VISIT_ANCHOR=PUBLICATION counts them from the publication of the report, and from the end of the inspection until it is published. `reason` says which.",
    },
    COMPLIANCE_FOLLOW_UP: { description: 'A visit following up a compliance notice.' },
  },
});

@ObjectType({ description: 'An inspection or visit due, as a window. Never shown to the provider of an unannounced inspection (CH-004).' })
export class InspectionDueType {
  @Field(() => DueKind, { description: 'What is due.' })
  kind!: DueKind;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Not before this day.' })
  earliest!: LocalDate | null;

  @Field(() => LocalDateResolver, { description: 'By this day ("usually", where the guidance says so).' })
  latest!: LocalDate;

  @Field({ description: 'The rule that makes it due.' })
  ruleId!: string;

  @Field({ description: 'Why, in words.' })
  reason!: string;
}

@ObjectType({ description: 'A setting with inspections or visits due.' })
export class SettingDue {
  @Field(() => Provider, { description: 'The setting.' })
  provider!: Provider;

  @Field(() => [InspectionDueType], { description: 'What is due, soonest first.' })
  due!: InspectionDue[];
}

@ObjectType({ description: 'A page of settings with something due (Relay cursor connection).' })
export class SettingDueConnection extends ConnectionType(SettingDue, 'SettingDue') {}

/** Pages forwards only: `before` is the date asked about here, not a cursor. */
@ArgsType()
class InspectionsDueArgs {
  @Field(() => LocalDateResolver, { description: 'Only what is due before this day.' })
  before!: LocalDate;

  @Field(() => String, { nullable: true, description: 'Only in this region (ONS code).' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Only in this local authority (ONS code).' })
  localAuthority?: string | null;

  @Field(() => Int, { nullable: true, description: 'At most this many settings (1 to 100; 20 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Settings after this cursor.' })
  after?: string | null;
}

@Resolver(() => Provider)
export class ProviderDueResolver {
  @FieldResolver(() => Grade, {
    nullable: true,
    description:
      "The setting's current four-point grade (CH-196): its latest full inspection's overall judgement, or a later new judgement at a monitoring visit; interim judgements never replace it.",
  })
  currentGrade(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<Grade | null> {
    return loaders.currentGradeByProvider.load(provider.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [InspectionDueType], {
    description: 'What is due next for this setting, from its setting type and history, soonest first. Internal.',
  })
  inspectionsDue(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<InspectionDue[]> {
    return loaders.dueByProvider.load(provider);
  }
}

@Resolver()
export class SchedulingResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => SettingDueConnection, {
    description:
      'Open settings with an inspection or visit due before a date, in a region or local authority, soonest first, a page at a time. Internal.',
  })
  async inspectionsDue(
    @Args() args: InspectionsDueArgs,
    @Ctx() { em, clock, principal, scheduling }: Context,
  ): Promise<SettingDueConnection> {
    if (!isLocalDate(args.before)) throw badArgument('before', '"before" is not a calendar date');
    await checkAreaArguments(em, args);
    const rows = await dueBefore(em, args, clock.today(), signedIn(principal), scheduling);
    const page = { first: args.first, after: args.after };
    return Object.assign(
      new SettingDueConnection(),
      pageInMemory(rows, (row) => `${row.due[0].latest}|${row.provider.urn}`, page),
    );
  }
}
