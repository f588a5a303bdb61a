import { GRANTS, Permission } from '../../domain/access';
import { assertMayReachSetting, forbidden } from '../auth';
import { isUuid } from '../shared/node';
import { registerNode } from '../shared/node-registry';
import { Regulation40Notification } from './regulation40.entity';

/* node(id) for a Regulation 40 notification: as `regulation40Notifications` lists them, to its home's provider or staff of the home's region. */
registerNode<Regulation40Notification>('Regulation40Notification', {
  fetch: ({ em }, key) => (isUuid(key) ? em.findOne(Regulation40Notification, { id: key }, { populate: ['provider'] }) : null),
  assertMayRead: async ({ em }, principal, notification) => {
    const grants = GRANTS[principal.role];
    if (!grants.has(Permission.READ_INSPECTIONS) && !grants.has(Permission.NOTIFY_SERIOUS_EVENTS))
      throw forbidden('Your role may not see this');
    await assertMayReachSetting(em, principal, notification.provider.getEntity());
  },
});
