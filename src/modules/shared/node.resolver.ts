import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { CaseReview, NotificationTask } from '../enforcement/enforcement.entity';
import { isUuid } from '../providers/provider.service';
import { Node, parseGlobalId } from './node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global ID; null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'A global ID returned by this API.' }) id: string, @Ctx() { em, loaders }: Context): Promise<object | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) return null;
    switch (parsed.type) {
      case 'Provider':
        return isUuid(parsed.key) ? loaders.providerById.load(parsed.key) : null;
      case 'RegisteredProvider':
        return isUuid(parsed.key) ? loaders.registeredProviderById.load(parsed.key) : null;
      case 'LocalAuthority':
        return loaders.localAuthorityByCode.load(parsed.key);
      case 'Region':
        return loaders.regionByCode.load(parsed.key);
      case 'Inspection':
        return isUuid(parsed.key) ? loaders.inspectionById.load(parsed.key) : null;
      case 'Evidence':
        return isUuid(parsed.key) ? loaders.evidenceById.load(parsed.key) : null;
      case 'Requirement':
        return isUuid(parsed.key) ? loaders.requirementById.load(parsed.key) : null;
      case 'Recommendation':
        return isUuid(parsed.key) ? loaders.recommendationById.load(parsed.key) : null;
      case 'CaseReview':
        return isUuid(parsed.key) ? em.findOne(CaseReview, { id: parsed.key }) : null;
      case 'NotificationTask':
        return isUuid(parsed.key) ? em.findOne(NotificationTask, { id: parsed.key }) : null;
      case 'ComplianceNotice':
        return isUuid(parsed.key) ? loaders.complianceNoticeById.load(parsed.key) : null;
      default:
        return null;
    }
  }
}
