import { Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { PageArgsType } from '../shared/arguments';
import type { Context } from '../shared/context';
import { ConnectionType } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { AuditEntry } from './audit.entity';
import { Allow } from './authorize';
import { Permission } from '../../domain/access';

@ObjectType({ description: 'A page of the audit trail, newest first (Relay cursor connection).' })
class AuditEntryConnection extends ConnectionType(AuditEntry, 'AuditEntry') {}

@Resolver()
export class AuditResolver {
  @Allow(Permission.READ_AUDIT_TRAIL)
  @Query(() => AuditEntryConnection, {
    description: 'The audit trail, newest first, a page at a time. Admins and regulatory inspection managers only.',
  })
  async auditTrail(@Args() args: PageArgsType, @Ctx() { em }: Context): Promise<AuditEntryConnection> {
    // Who may read it is decided at the door with every other operation (src/domain/access.ts).
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
