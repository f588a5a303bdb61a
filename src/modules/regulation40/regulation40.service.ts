import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { listScope, Role, type Principal } from '../../domain/access';
import type { Clock } from '../../domain/clock';
import { addDays, type LocalDate } from '../../domain/local-date';
import {
  applyNotificationMove,
  asItStoodOn,
  categoryCounts,
  childProtectionOutcomesOverdue,
  DEFAULT_NOTIFICATION_POLICY,
  growingPictureOfConcern,
  NO_FINDINGS,
  NotificationCategory,
  NotificationChannel,
  NotificationStatus,
  NotificationStep,
  overdueNotifications,
  receiveNotification,
  validateNotifyingSetting,
  validateRecordedAction,
  withoutRecordedAction,
  type NotificationMove,
  type NotificationPolicy,
} from '../../domain/notifications';
import { badInput, notFound, ruleViolation, type Violation } from '../../domain/rule-violation';
import { hasText } from '../../domain/text';
import { assertMayReachSetting, listRegion, outOfScope } from '../auth';
import { ProviderRepository } from '../providers';
import type { ConnectionShape, PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { idFromGlobal } from '../shared/node';
import { toUserErrors, type UserError } from '../shared/user-error';
import { Regulation40Notification } from './regulation40.entity';
import type {
  CloseRegulation40NotificationInput,
  FollowUpRegulation40NotificationInput,
  Regulation40HomeSummary,
  Regulation40Queue,
  RecordRegulation40ActionInput,
  SubmitRegulation40NotificationInput,
  TriageRegulation40NotificationInput,
} from './regulation40.types';

export interface Regulation40Result {
  regulation40Notification: Regulation40Notification | null;
  userErrors: UserError[];
}

const refused = (violations: Violation[]): Regulation40Result => ({ regulation40Notification: null, userErrors: toUserErrors(violations) });

const CHILD_PROTECTION_CATEGORIES = [
  NotificationCategory.CHILD_PROTECTION_ENQUIRY_INSTIGATED,
  NotificationCategory.CHILD_PROTECTION_ENQUIRY_OUTCOME,
];

/** How far back the queue looks for child protection enquiries still awaiting their outcome. */
const AWAITED_OUTCOME_HORIZON_DAYS = 366;

/**
 * Regulation 40 notifications (Annex L): submitted by a children's home for itself, or recorded
 * from paper by a manager; triaged by a manager, followed up and closed by inspectors of the
 * home's region, every step checked by the domain (src/domain/notifications.ts). One instance per request.
 */
export class Regulation40Service {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly principal: Principal,
    private readonly policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
  ) {}

  /** The notifications the caller may see, oldest received first: a provider its own homes', staff their region's. */
  list(
    filter: { urn?: string | null; status?: NotificationStatus[] | null },
    args: PageArgs,
  ): Promise<ConnectionShape<Regulation40Notification>> {
    const where: FilterQuery<Regulation40Notification>[] = [this.scopeFilter()];
    if (filter.urn) where.push({ provider: { urn: filter.urn } });
    if (filter.status?.length) where.push({ status: { $in: filter.status } });
    return keysetList(this.em, Regulation40Notification, where, args, {
      first: 'receivedOn',
      second: 'id',
      keyOf: (n) => `${n.receivedOn}|${n.id}`,
    });
  }

  private scopeFilter(): FilterQuery<Regulation40Notification> {
    const scope = listScope(this.principal);
    switch (scope.kind) {
      case 'ALL':
        return {};
      case 'REGION':
        return { provider: { localAuthority: { region: scope.region } } };
      case 'URNS':
        return { provider: { urn: { $in: [...scope.urns] } } };
      case 'NONE':
        throw outOfScope('Regulation 40 notifications');
    }
  }

  /** CHA-165, CHA-167, CHA-176: what a manager of the region must see at `asOf`. */
  async queue(region: string | null | undefined, asOf: LocalDate | null | undefined): Promise<Regulation40Queue> {
    const scopedRegion = listRegion(this.principal, region);
    const at = asOf ?? this.clock.today();
    const inRegion: FilterQuery<Regulation40Notification> = scopedRegion ? { provider: { localAuthority: { region: scopedRegion } } } : {};
    const received = { receivedOn: { $lte: at } };
    // Open at `at`: not yet closed then. Instigations of the last year for the awaited outcomes, with the outcomes naming them.
    const open = await this.em.find(
      Regulation40Notification,
      { $and: [inRegion, received, { $or: [{ closedOn: null }, { closedOn: { $gt: at } }] }] },
      { populate: ['provider'], orderBy: { receivedOn: 'asc', id: 'asc' } },
    );
    const since = addDays(at, -AWAITED_OUTCOME_HORIZON_DAYS);
    const childProtection = await this.em.find(
      Regulation40Notification,
      {
        $and: [
          inRegion,
          received,
          { receivedOn: { $gte: since } },
          {
            $or: [
              {
                providerCategory: {
                  $in: CHILD_PROTECTION_CATEGORIES,
                },
              },
              {
                confirmedCategory: {
                  $in: CHILD_PROTECTION_CATEGORIES,
                },
              },
            ],
          },
        ],
      },
      { populate: ['provider'], orderBy: { receivedOn: 'asc', id: 'asc' } },
    );
    const asAt = (n: Regulation40Notification) => asItStoodOn(n.toRecord(n.provider.getEntity().urn), at);
    const byId = new Map([...open, ...childProtection].map((n) => [n.id, n]));
    const openRecords = open.map(asAt);
    return {
      asOf: at,
      overdue: overdueNotifications(openRecords, at, this.policy).map((o) => ({
        notification: byId.get(o.notificationId)!,
        deadline: o.deadline,
        dueOn: o.dueOn,
        ruleId: o.ruleId,
      })),
      unassigned: openRecords.filter((r) => r.assignedInspector === null).map((r) => byId.get(r.id)!),
      withoutRecordedAction: withoutRecordedAction(openRecords).map((r) => byId.get(r.id)!),
      awaitedOutcomes: childProtectionOutcomesOverdue(childProtection.map(asAt), at, this.policy).map((a) => ({
        instigation: byId.get(a.instigationNotificationId)!,
        outcomeExpectedBy: a.outcomeExpectedBy,
        chasedOn: a.chasedOn,
      })),
    };
  }

  /** CHA-175, CHA-172: one home's notifications over the six months ending on `endingOn`. */
  async homeSummary(urn: string, endingOn: LocalDate | null | undefined): Promise<Regulation40HomeSummary | null> {
    const home = await new ProviderRepository(this.em).byUrn(urn);
    if (!home) return null;
    await assertMayReachSetting(this.em, this.principal, home);
    const end = endingOn ?? this.clock.today();
    const notifications = (await this.em.find(Regulation40Notification, { provider: home, receivedOn: { $lte: end } })).map((n) =>
      n.toRecord(home.urn),
    );
    const counts = categoryCounts(notifications, end);
    const picture = growingPictureOfConcern(notifications, end, this.policy);
    return {
      urn,
      from: counts.from,
      to: counts.to,
      categories: counts.rows,
      total: picture.count,
      considerEarlyInspection: picture.considerEarlyInspection,
    };
  }

  /** A provider's notification for one of its own homes (received today), or a manager's record of a paper one. */
  async submit(input: SubmitRegulation40NotificationInput): Promise<Regulation40Result> {
    return this.em.transactional(async (em) => {
      const home = await new ProviderRepository(em).byUrn(input.urn);
      if (!home) return refused([notFound(['urn'], `No setting has URN ${input.urn}`)]);
      await assertMayReachSetting(em, this.principal, home);
      const byProvider = this.principal.role === Role.PROVIDER;
      if (!byProvider && this.principal.role !== Role.REGULATORY_INSPECTION_MANAGER) throw outOfScope('Recording a notification');
      const violations: Violation[] = validateNotifyingSetting(home.settingType);
      if (byProvider && input.receivedOn)
        violations.push(badInput(['receivedOn'], 'An online notification is received the day it is submitted'));
      if (!byProvider && !input.receivedOn) violations.push(badInput(['receivedOn'], 'Give the day the paper notification was received'));
      if (!hasText(input.account)) violations.push(badInput(['account'], 'Describe the event'));
      let instigationId: string | null = null;
      if (input.instigationNotificationId) {
        instigationId = idFromGlobal(input.instigationNotificationId, 'Regulation40Notification');
        const instigation = instigationId ? await em.findOne(Regulation40Notification, { id: instigationId, provider: home }) : null;
        if (!instigation) violations.push(notFound(['instigationNotificationId'], 'No notification of this home has this ID'));
        else if (
          (instigation.confirmedCategory ?? instigation.providerCategory) !== NotificationCategory.CHILD_PROTECTION_ENQUIRY_INSTIGATED
        ) {
          violations.push(
            ruleViolation(['instigationNotificationId'], 'CHA-178', 'An outcome concludes the notification of an enquiry instigated'),
          );
        }
        if (input.category !== NotificationCategory.CHILD_PROTECTION_ENQUIRY_OUTCOME) {
          violations.push(badInput(['instigationNotificationId'], 'Only the outcome of a child protection enquiry names its instigation'));
        }
      }
      const received = receiveNotification(
        {
          id: '',
          homeUrn: home.urn,
          channel: byProvider ? NotificationChannel.ONLINE : NotificationChannel.PAPER,
          providerCategory: input.category,
          incidentDate: input.incidentDate,
          receivedOn: input.receivedOn ?? this.clock.today(),
          instigationNotificationId: instigationId,
        },
        this.clock.today(),
      );
      if (!received.ok) violations.push(...received.violations);
      if (violations.length > 0 || !received.ok) return refused(violations);
      const { id: _id, homeUrn: _urn, ...fields } = received.record;
      const notification = em.create(Regulation40Notification, {
        ...fields,
        actions: [...fields.actions],
        provider: home,
        account: input.account.trim(),
        submittedBy: this.principal.subject,
      });
      return { regulation40Notification: notification, userErrors: [] };
    });
  }

  triage(input: TriageRegulation40NotificationInput): Promise<Regulation40Result> {
    return this.move(input.notificationId, true, {
      step: NotificationStep.TRIAGE,
      on: input.on,
      confirmedCategory: input.confirmedCategory,
      routing: input.routing,
      inspector: input.inspector,
    });
  }

  followUp(input: FollowUpRegulation40NotificationInput): Promise<Regulation40Result> {
    return this.move(input.notificationId, false, {
      step: NotificationStep.FOLLOW_UP,
      on: input.on,
      findings: { ...NO_FINDINGS, ...Object.fromEntries(Object.entries(input.findings).filter(([, v]) => typeof v === 'boolean')) },
      summaryOfReason: input.summaryOfReason ?? null,
      providerAction: input.providerAction ?? null,
      delayReason: input.delayReason ?? null,
      delayImpact: input.delayImpact ?? null,
    });
  }

  close(input: CloseRegulation40NotificationInput): Promise<Regulation40Result> {
    return this.move(input.notificationId, false, { step: NotificationStep.CLOSE, on: input.on, ofstedAction: input.ofstedAction ?? null });
  }

  async recordAction(input: RecordRegulation40ActionInput): Promise<Regulation40Result> {
    return this.em.transactional(async (em) => {
      const found = await this.load(em, input.notificationId, false);
      if ('violations' in found) return refused(found.violations);
      const { notification } = found;
      const entry = { action: input.action, on: input.on, by: this.principal.subject, outcome: input.outcome.trim() };
      const violations = validateRecordedAction(notification.toRecord(notification.provider.getEntity().urn), entry, this.clock.today());
      if (violations.length > 0) return refused(violations);
      notification.actions = [...notification.actions, entry].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      return { regulation40Notification: notification, userErrors: [] };
    });
  }

  private async move(globalId: string, managersOnly: boolean, move: NotificationMove): Promise<Regulation40Result> {
    return this.em.transactional(async (em) => {
      const found = await this.load(em, globalId, managersOnly);
      if ('violations' in found) return refused(found.violations);
      const { notification } = found;
      const outcome = applyNotificationMove(
        notification.toRecord(notification.provider.getEntity().urn),
        move,
        this.clock.today(),
        this.policy,
      );
      if (!outcome.ok) return refused(outcome.violations);
      Object.assign(notification, outcome.set, { status: outcome.status });
      return { regulation40Notification: notification, userErrors: [] };
    });
  }

  /** The notification, once the caller is known to be staff of its home's region (a manager, for the manager's steps). */
  private async load(
    em: EntityManager,
    globalId: string,
    managersOnly: boolean,
  ): Promise<{ notification: Regulation40Notification } | { violations: Violation[] }> {
    const id = idFromGlobal(globalId, 'Regulation40Notification');
    const notification = id ? await em.findOne(Regulation40Notification, { id }, { populate: ['provider'] }) : null;
    if (!notification) return { violations: [notFound(['notificationId'], 'No Regulation 40 notification has this ID')] };
    await assertMayReachSetting(em, this.principal, notification.provider.getEntity());
    const staff = this.principal.role === Role.REGULATORY_INSPECTION_MANAGER || (!managersOnly && this.principal.role === Role.INSPECTOR);
    if (!staff) throw outOfScope(managersOnly ? "A manager's triage of this notification" : 'Recording on this notification');
    return { notification };
  }
}
