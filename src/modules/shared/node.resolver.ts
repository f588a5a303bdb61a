import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Permission } from '../../domain/access';
import { Allow, signedIn } from '../auth';
import type { Context } from './context';
import { Node, parseGlobalId } from './node';
import { nodeSource } from './node-registry';

@Resolver()
export class NodeResolver {
  /**
   * The caller's scope must cover what it reaches by ID, as it must by any other way in: each
   * module registers how its types are fetched and who may see them (`registerNode`).
   */
  @Allow(Permission.READ_REGISTER)
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global ID; null when there is none.' })
  async node(
    @Arg('id', () => ID, { description: 'A global ID returned by this API.' }) id: string,
    @Ctx() context: Context,
  ): Promise<object | null> {
    const parsed = parseGlobalId(id);
    const source = parsed ? nodeSource(parsed.type) : undefined;
    if (!parsed || !source) return null;
    const found = await source.fetch(context, parsed.key);
    if (found) await source.assertMayRead(context, signedIn(context.principal), found);
    return found;
  }
}
