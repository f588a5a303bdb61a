import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { isUuid, Node, parseGlobalId } from './node';
import { Permission, type Principal } from '../../domain/access';
import { signedIn } from '../auth/authorize';
import { assertMayReachSetting, assertMayReadInspection, assertMayReadRegisteredProvider, assertPermission } from '../auth/scope';
import { Evidence } from '../evidence/evidence.entity';
import { Inspection } from '../inspections/inspection.entity';
import { Provider } from '../providers/provider.entity';
import { RegisteredProvider } from '../providers/registered-provider.entity';
import { LocalAuthority } from '../reference/local-authority.entity';
import { Region } from '../reference/region.entity';
import { Allow } from '../auth/authorize';

@Resolver()
export class NodeResolver {
  @Allow(Permission.READ_REGISTER)
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global ID; null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'A global ID returned by this API.' }) id: string, @Ctx() context: Context): Promise<object | null> {
    const found = await this.load(id, context);
    if (found) await this.assertMayRead(found, signedIn(context.principal), context.em);
    return found;
  }

  /**
   * The caller's scope must cover what it reaches by ID, as it must by any other way in: a setting
   * in its region (or of its own, for a provider); an inspection, or anything recorded at it, by
   * the inspection's scope and only with the permission to see that kind of record at all.
   */
  private async assertMayRead(found: object, principal: Principal, em: Context['em']): Promise<void> {
    if (found instanceof Provider) return assertMayReachSetting(em, principal, found);
    if (found instanceof RegisteredProvider) return assertMayReadRegisteredProvider(em, principal, found.id);
    if (found instanceof LocalAuthority || found instanceof Region) return;
    if (found instanceof Inspection) return assertMayReadInspection(em, principal, found.id);
    assertPermission(principal, found instanceof Evidence ? Permission.READ_EVIDENCE : Permission.READ_INSPECTIONS);
    return assertMayReadInspection(em, principal, (found as { inspection: { id: string } }).inspection.id);
  }

  private async load(id: string, { loaders }: Context): Promise<object | null> {
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
        return isUuid(parsed.key) ? loaders.caseReviewById.load(parsed.key) : null;
      case 'NotificationTask':
        return isUuid(parsed.key) ? loaders.notificationTaskById.load(parsed.key) : null;
      case 'ComplianceNotice':
        return isUuid(parsed.key) ? loaders.complianceNoticeById.load(parsed.key) : null;
      default:
        return null;
    }
  }
}
