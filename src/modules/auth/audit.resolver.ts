import { GraphQLError } from 'graphql';
import { Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../domain/access';
import type { Context } from '../../server/context';
import { PageArgsType } from '../inspections/inspection.resolver';
import { ConnectionType } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { AuditEntry } from './audit.entity';

@ObjectType({ description: 'A page of the audit trail, newest first (Relay cursor connection).' })
class AuditEntryConnection extends ConnectionType(AuditEntry, 'AuditEntry') {}

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first, a page at a time. Admins and regulatory inspection managers only.' })
  async auditTrail(@Args() args: PageArgsType, @Ctx() { em, principal }: Context): Promise<AuditEntryConnection> {
    if (!principal || (principal.role !== Role.ADMIN && principal.role !== Role.REGULATORY_INSPECTION_MANAGER)) {
      throw new GraphQLError('Only admins and managers read the audit trail', { extensions: { code: 'FORBIDDEN' } });
    }
    const page = await keysetList(em, AuditEntry, [], args, {
      first: 'at',
      second: 'id',
      keyOf: (e) => `${e.at.toISOString()}|${e.id}`,
      parse: (value) => new Date(value),
      descending: true,
    });
    return Object.assign(new AuditEntryConnection(), page);
  }
}
