import { checkAreaArguments } from './area-arguments';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context';
import { LocalAuthority } from './local-authority.entity';
import { Region } from './region.entity';
import { Public } from '../auth';
import './reference.nodes';

@Resolver(() => LocalAuthority)
export class LocalAuthorityResolver {
  @Public()
  @Query(() => [LocalAuthority], { description: "England's local authorities with children's services, by name." })
  async localAuthorities(
    @Ctx() { em, loaders }: Context,
    @Arg('region', () => String, { nullable: true, description: 'Only those in this region (its ONS code, e.g. E12000002).' })
    region?: string | null,
  ): Promise<LocalAuthority[]> {
    if (region != null) {
      await checkAreaArguments(em, { region });
      return loaders.localAuthoritiesByRegion.load(region);
    }
    return em.find(LocalAuthority, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => Region, { description: 'The region the local authority is in.' })
  async region(@Root() la: LocalAuthority, @Ctx() { loaders }: Context): Promise<Region> {
    return (await loaders.regionByCode.load(la.region.code))!;
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @Public()
  @Query(() => [Region], { description: "England's nine regions, by ONS code." })
  regions(@Ctx() { em }: Context): Promise<Region[]> {
    return em.find(Region, {}, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => [LocalAuthority], { description: 'The local authorities in the region, by name.' })
  localAuthorities(@Root() region: Region, @Ctx() { loaders }: Context): Promise<LocalAuthority[]> {
    return loaders.localAuthoritiesByRegion.load(region.code);
  }
}
