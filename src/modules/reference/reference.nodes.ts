import { registerNode } from '../shared/node-registry';
import type { LocalAuthority } from './local-authority.entity';
import type { Region } from './region.entity';

/* node(id) for the reference data: public knowledge, open to every caller of node(id). */

registerNode<LocalAuthority>('LocalAuthority', {
  fetch: ({ loaders }, key) => loaders.localAuthorityByCode.load(key),
  assertMayRead: () => undefined,
});

registerNode<Region>('Region', {
  fetch: ({ loaders }, key) => loaders.regionByCode.load(key),
  assertMayRead: () => undefined,
});
