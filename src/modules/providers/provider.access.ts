import type { EntityManager } from '@mikro-orm/postgresql';
import { listScope, type Principal } from '../../domain/access';
import { outOfScope } from '../auth';
import { Provider } from './provider.entity';

/** A registered provider (an organisation or person) is visible to a provider only when it runs one of its settings. */
export async function assertMayReadRegisteredProvider(
  em: EntityManager,
  principal: Principal,
  registeredProviderId: string,
): Promise<void> {
  const scope = listScope(principal);
  if (scope.kind === 'ALL' || scope.kind === 'REGION') return;
  const owns =
    scope.kind === 'URNS' && (await em.count(Provider, { registeredProvider: registeredProviderId, urn: { $in: [...scope.urns] } })) > 0;
  if (!owns) throw outOfScope('This registered provider');
}
