import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { FeedEventType } from '../../domain/feed';
import { Public } from '../auth';
import { checkAreaArguments } from '../reference';
import type { Context } from '../shared/context';
import { FEED_DEFAULT_PAGE, FEED_MAX_PAGE } from './feed.service';
import { PublicFeedEventConnection } from './feed.types';

@ArgsType()
class JudgementFeedArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only events of settings in this local authority (ONS code). A local authority signed in and asking for its own also gets the notifications addressed to it, wherever the setting is.',
  })
  localAuthority?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events of settings in this region (ONS code).' })
  region?: string | null;

  @Field(() => [FeedEventType], { nullable: true, description: 'Only events of these types; all types when absent.' })
  types?: FeedEventType[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Resume after this cursor (a previous page's `endCursor`); from the start when absent.",
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `At most this many events (1 to ${FEED_MAX_PAGE}; ${FEED_DEFAULT_PAGE} by default).` })
  first?: number | null;
}

@Resolver()
export class FeedResolver {
  @Public()
  @Query(() => PublicFeedEventConnection, {
    description:
      'The judgement feed: published reports and judgements, monitoring visits, amendments, enforcement and changes to the register, oldest first, nationally, by region or by local authority; gap-free and resumable from `endCursor`. Public, but for notifications: those reach only the local authority they are addressed to.',
  })
  async judgementFeed(@Args() args: JudgementFeedArgs, @Ctx() context: Context): Promise<PublicFeedEventConnection> {
    await checkAreaArguments(context.em, args);
    const feed = context.services.feed;
    // An authority reading its own notifications reads protected data: the audit trail records it.
    if (feed.readsNotifications(args)) context.servedProtectedData = true;
    return Object.assign(new PublicFeedEventConnection(), await feed.page(args, args));
  }
}
