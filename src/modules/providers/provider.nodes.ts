import { assertMayReachSetting } from '../auth';
import { isUuid } from '../shared/node';
import { registerNode } from '../shared/node-registry';
import { assertMayReadRegisteredProvider } from './provider.access';
import type { Provider } from './provider.entity';
import type { RegisteredProvider } from './registered-provider.entity';

/* node(id) for the register: a setting in the caller's scope; a registered provider running one of its settings. */

registerNode<Provider>('Provider', {
  fetch: ({ loaders }, key) => (isUuid(key) ? loaders.providerById.load(key) : null),
  assertMayRead: ({ em }, principal, provider) => assertMayReachSetting(em, principal, provider),
});

registerNode<RegisteredProvider>('RegisteredProvider', {
  fetch: ({ loaders }, key) => (isUuid(key) ? loaders.registeredProviderById.load(key) : null),
  assertMayRead: ({ em }, principal, registered) => assertMayReadRegisteredProvider(em, principal, registered.id),
});
