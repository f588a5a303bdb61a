import type { EntityManager } from '@mikro-orm/postgresql';
import { carriesJudgements, FeedEventType, notificationEventType, publicationEventTypes } from '../../domain/feed';
import type { LocalDate } from '../../domain/local-date';
import type { NotificationRecipient } from '../../domain/case-reviews';
import type { Inspection } from '../inspections';
import type { Provider } from '../providers';
import { publicReportId, toPublicProvider, toPublicReport, type PublishedReport } from '../public';
import { ENFORCEMENT_ACTION_TEXT, publicArea } from '../../domain/public-report';
import { publicGlobalId } from '../../domain/redaction';
import { ReferenceRepository, type Area } from '../reference';
import { FeedEvent, type FeedPayload } from './feed.entity';
import type { PublicReportWithdrawal } from './feed.types';

/**
 * Writes the feed's events, each in the transaction of the change it describes (the outbox): if
 * the change rolls back, so does the event. Payloads are the public views (the same shapes as the
 * public GraphQL types) or, for its addressee only, the notification.
 */
/** The setting's area: its local authority and region (from the identity map after the first lookup). */
const areaOf = (em: EntityManager, provider: Provider): Promise<Area> =>
  new ReferenceRepository(em).areaOf(provider.localAuthority.onsCode);

async function record(
  em: EntityManager,
  provider: Provider,
  event: { type: FeedEventType; occurredOn: LocalDate; payload: Omit<FeedPayload, 'area'>; addressee?: string | null },
): Promise<FeedEvent> {
  const area = publicArea(await areaOf(em, provider));
  return em.create(FeedEvent, {
    type: event.type,
    urn: provider.urn,
    settingType: provider.settingType,
    localAuthority: area.localAuthorityCode,
    region: area.regionCode,
    addressee: event.addressee ?? null,
    occurredOn: event.occurredOn,
    payload: { area, ...event.payload },
  });
}

/** A report published: the report (or monitoring visit) event, and its judgements' if it carries any. */
export async function reportPublished(em: EntityManager, provider: Provider, published: PublishedReport): Promise<void> {
  const report = toPublicReport(published);
  for (const type of publicationEventTypes(published.inspectionType, carriesJudgements(report.judgements))) {
    await record(em, provider, { type, occurredOn: published.publishedOn, payload: { report } });
  }
}

export async function reportAmended(em: EntityManager, provider: Provider, published: PublishedReport): Promise<void> {
  await record(em, provider, {
    type: FeedEventType.REPORT_AMENDED,
    occurredOn: published.publishedOn,
    payload: { report: toPublicReport(published) },
  });
}

/**
 * A report withdrawn from the public (every version): the withdrawal event, which tells receivers
 * to delete what they hold of the report, and the erasure of the feed's own copies of it. Every
 * earlier event that carried the report keeps its place, type and area, but its content is
 * replaced by the withdrawal (the only change the feed's trigger lets through); webhook
 * deliveries still pending send the erased event.
 */
export async function reportWithdrawn(
  em: EntityManager,
  provider: Provider,
  withdrawn: PublishedReport[],
  withdrawnOn: LocalDate,
): Promise<void> {
  const withdrawal: PublicReportWithdrawal = {
    reportId: publicReportId(withdrawn[0]),
    versions: withdrawn.map((v) => v.version),
    withdrawnOn,
  };
  await record(em, provider, { type: FeedEventType.REPORT_WITHDRAWN, occurredOn: withdrawnOn, payload: { withdrawal } });
  await em.flush();
  // Events written before reports had a stable ID carry a version's own ID: those are matched too.
  const ids = [withdrawal.reportId, ...withdrawn.map((v) => publicGlobalId('PublicReport', v.id))];
  await em.getConnection().execute(
    `update "feed_event" set "payload" = jsonb_build_object('area', "payload"->'area', 'withdrawal', ?::jsonb)
        where "urn" = ? and "payload"->'report'->>'id' in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(withdrawal), provider.urn, JSON.stringify(ids)],
    'run',
    em.getTransactionContext(),
  );
}

export async function complianceNoticeServed(em: EntityManager, provider: Provider, servedOn: LocalDate): Promise<void> {
  await record(em, provider, {
    type: FeedEventType.ENFORCEMENT_ACTION_TAKEN,
    occurredOn: servedOn,
    payload: { enforcementAction: { action: ENFORCEMENT_ACTION_TEXT.COMPLIANCE_NOTICE, date: servedOn } },
  });
}

/** A setting registered, closed or cancelled: its public register entry as it now stands. */
export async function settingChanged(em: EntityManager, provider: Provider, type: FeedEventType, occurredOn: LocalDate): Promise<void> {
  await provider.registeredProvider.load();
  const { reports: _reports, ...entry } = toPublicProvider(provider, await areaOf(em, provider), []);
  await record(em, provider, {
    type,
    occurredOn,
    payload: { setting: { ...entry, status: provider.status, statusDate: provider.statusDate } },
  });
}

/**
 * The notifications of a concerning outcome, one per local authority told (placing and host),
 * each addressed to that authority alone. The Department for Education is told outside the feed.
 */
export async function notificationsMade(
  em: EntityManager,
  inspection: Inspection,
  provider: Provider,
  triggers: readonly string[],
  tasks: readonly { recipient: NotificationRecipient; localAuthority: string | null; ruleId: string; dueBy: LocalDate }[],
): Promise<void> {
  const type = notificationEventType(triggers);
  for (const task of tasks) {
    if (!task.localAuthority) continue;
    await record(em, provider, {
      type,
      occurredOn: inspection.feedbackDate!,
      addressee: task.localAuthority,
      payload: {
        notification: {
          recipient: task.recipient,
          ruleId: task.ruleId,
          dueBy: task.dueBy,
          settingName: provider.name,
          inspectionType: inspection.type,
          inspectionEnd: (inspection.onSiteEnd ?? inspection.feedbackDate)!,
          reason: triggers.includes('SERIOUS_OR_WIDESPREAD_CONCERNS') ? 'SERIOUS_OR_WIDESPREAD_CONCERNS' : 'INADEQUATE_OVERALL',
        },
      },
    });
  }
}
