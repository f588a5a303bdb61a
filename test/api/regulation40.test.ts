/**
 * Regulation 40 notifications over HTTP (Annex L, CHA-147 to CHA-180): a home notifies for itself
 * only; a manager records paper ones, triages (CHA-155); inspectors follow up and close (CHA-166,
 * CHA-169), every step checked against the rules; the manager's queue at a date (CHA-154, CHA-165,
 * CHA-166, CHA-167, CHA-176) and a home's six-month summary (CHA-172, CHA-175). Dates are worked
 * out by hand: TEST_NOW is Monday 23 November 2026.
 */
import { Role } from '../../src/domain/access';
import {
  Regulation40CloseDocument,
  Regulation40FollowUpDocument,
  Regulation40InternalListDocument,
  Regulation40ListDocument,
  Regulation40NodeDocument,
  Regulation40QueueDocument,
  Regulation40RecordActionDocument,
  Regulation40SubmitDocument,
  Regulation40SummaryDocument,
  Regulation40TriageDocument,
  type Regulation40Category,
  type SubmitRegulation40NotificationInput,
} from '../generated/graphql';
import { TEST_NOW, TEST_REGION, useTestApp, type TestApp } from '../support/app';
import { FAMILY_CENTRE, registerProvider } from '../support/fixtures';
import { expectNoUserErrors } from '../support/payloads';

const api = useTestApp();
afterEach(() => api.clock.set(TEST_NOW));

const YORKSHIRE = 'E12000003';

const inspector = async (subject = 'inspector-a', region = TEST_REGION) => api.as(await api.tokenFor(Role.INSPECTOR, { subject, region }));

/** A children's home of the North West and its provider's API. */
async function homeWithProvider() {
  const home = await registerProvider(api);
  return { urn: home.urn, provider: await api.providerOf(home.urn) };
}

async function submit(as: TestApp, input: SubmitRegulation40NotificationInput) {
  const { data } = await as.gql(Regulation40SubmitDocument, { input });
  return data!.submitRegulation40Notification;
}

async function submitted(as: TestApp, input: SubmitRegulation40NotificationInput) {
  return expectNoUserErrors('submitRegulation40Notification', await submit(as, input)).regulation40Notification!;
}

async function triage(id: string, confirmedCategory: Regulation40Category, on = '2026-11-23') {
  const { data } = await api.gql(Regulation40TriageDocument, {
    input: { notificationId: id, on, confirmedCategory, routing: 'MEMO_TO_ALLOCATED_INSPECTOR', inspector: 'inspector-a' },
  });
  return expectNoUserErrors('triageRegulation40Notification', data!.triageRegulation40Notification).regulation40Notification!;
}

async function errorCode(call: Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>) {
  const { errors } = await call;
  return errors?.[0]?.extensions?.code;
}

describe('submitting (CHA-147, CHA-149, CHA-151 to CHA-154, CHA-166)', () => {
  test('CHA-153 a provider notifies a death online: received today, fast-tracked, actioned the same day and assessed within seven days', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, {
      urn,
      category: 'DEATH_OF_CHILD',
      incidentDate: '2026-11-22',
      account: 'A child died in hospital.',
    });
    expect(notification).toMatchObject({
      channel: 'ONLINE',
      providerCategory: 'DEATH_OF_CHILD',
      receivedOn: '2026-11-23',
      status: 'RECEIVED',
      fastTracked: true,
      delayed: false,
      dueDates: { fastTrackActionDue: '2026-11-23', assessmentDue: '2026-11-30' },
      provider: { urn },
    });
  });

  test('CHA-152 a serious event is not fast-tracked; CHA-147 one received two days after the incident is delayed', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, {
      urn,
      category: 'SERIOUS_EVENT',
      incidentDate: '2026-11-21',
      account: 'Police were called.',
    });
    expect(notification).toMatchObject({
      fastTracked: false,
      delayed: true,
      dueDates: { fastTrackActionDue: null, assessmentDue: '2026-11-30' },
    });
  });

  test('a provider notifies only for its own homes; an inspector may not record one', async () => {
    const { provider } = await homeWithProvider();
    const other = await registerProvider(api);
    const input = { urn: other.urn, category: 'SERIOUS_EVENT' as const, incidentDate: '2026-11-23', account: 'x' };
    expect(await errorCode(provider.gql(Regulation40SubmitDocument, { input }, { allowErrors: true }))).toBe('FORBIDDEN');
    expect(await errorCode((await inspector()).gql(Regulation40SubmitDocument, { input }, { allowErrors: true }))).toBe('FORBIDDEN');
    expect(await errorCode(api.gql(Regulation40SubmitDocument, { input }, { allowErrors: true, token: null }))).toBe('UNAUTHENTICATED');
  });

  test("CHA-149 only children's homes notify under Regulation 40; an online notification cannot say when it was received", async () => {
    const centre = await registerProvider(api, FAMILY_CENTRE);
    const provider = await api.providerOf(centre.urn);
    const payload = await submit(provider, {
      urn: centre.urn,
      category: 'SERIOUS_EVENT',
      incidentDate: '2026-11-23',
      account: 'x',
      receivedOn: '2026-11-20',
    });
    expect(payload.regulation40Notification).toBeNull();
    expect(payload.userErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'CHA-149', field: ['input', 'urn'] }),
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'receivedOn'] }),
      ]),
    );
  });

  test('CHA-147 the incident cannot come after the notification was received', async () => {
    const { urn, provider } = await homeWithProvider();
    const payload = await submit(provider, { urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-24', account: 'x' });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'incidentDate'] })]);
  });

  test('CHA-151 a manager records a paper notification with the day it arrived', async () => {
    const { urn } = await homeWithProvider();
    const notification = await submitted(api, {
      urn,
      category: 'SERIOUS_EVENT',
      incidentDate: '2026-11-16',
      receivedOn: '2026-11-17',
      account: 'Posted.',
    });
    expect(notification).toMatchObject({ channel: 'PAPER', receivedOn: '2026-11-17', delayed: false });
  });
});

describe('who sees what', () => {
  test("a provider lists its own homes' notifications, never the assessment; staff of another region see none", async () => {
    const { urn, provider } = await homeWithProvider();
    const mine = await submitted(provider, { urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-23', account: 'Ours.' });
    await submitted(api, {
      urn: (await registerProvider(api)).urn,
      category: 'SERIOUS_EVENT',
      incidentDate: '2026-11-23',
      receivedOn: '2026-11-23',
      account: 'Not theirs.',
    });

    const { data } = await provider.gql(Regulation40ListDocument, {});
    expect(data!.regulation40Notifications.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect(await errorCode(provider.gql(Regulation40InternalListDocument, { urn }, { allowErrors: true }))).toBe('FORBIDDEN');

    const yorkshire = await api.managerOf(YORKSHIRE);
    const theirs = await yorkshire.gql(Regulation40ListDocument, { urn });
    expect(theirs.data!.regulation40Notifications.edges).toEqual([]);
    expect(await errorCode(yorkshire.gql(Regulation40NodeDocument, { id: mine.id }, { allowErrors: true }))).toBe('FORBIDDEN');
    const admin = await api.admin();
    expect(await errorCode(admin.gql(Regulation40NodeDocument, { id: mine.id }, { allowErrors: true }))).toBe('FORBIDDEN');
    // Staff of the home's region read the assessment and what it calls for, straight from the list.
    const staff = await api.gql(Regulation40InternalListDocument, { urn });
    expect(staff.data!.regulation40Notifications.edges.map((e) => [e.node.id, e.node.requiredActions, e.node.actions])).toEqual([
      [mine.id, [], []],
    ]);
    const { data: own } = await provider.gql(Regulation40NodeDocument, { id: mine.id });
    expect(own!.node).toEqual({ __typename: 'Regulation40Notification', id: mine.id, status: 'RECEIVED' });
  });
});

describe('triage, follow-up and closing (CHA-148, CHA-155, CHA-159, CHA-169, CHA-170, CHA-174)', () => {
  test('CHA-155 only a manager triages; the category confirmed, routed to a named inspector', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, { urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-23', account: 'x' });
    const input = {
      notificationId: notification.id,
      on: '2026-11-23',
      confirmedCategory: 'SEXUAL_EXPLOITATION' as const,
      routing: 'URGENT_ACTION' as const,
      inspector: 'inspector-a',
    };
    expect(await errorCode((await inspector()).gql(Regulation40TriageDocument, { input }, { allowErrors: true }))).toBe('FORBIDDEN');
    const { data } = await api.gql(Regulation40TriageDocument, { input });
    expect(expectNoUserErrors(data!.triageRegulation40Notification).regulation40Notification).toMatchObject({
      status: 'TRIAGED',
      confirmedCategory: 'SEXUAL_EXPLOITATION',
      routing: 'URGENT_ACTION',
      assignedInspector: 'inspector-a',
      triagedOn: '2026-11-23',
      // EC-23: corrected to a fast-tracked category, it is fast-tracked; urgent action prompts an early inspection (CHA-163).
      fastTracked: true,
      requiredActions: [
        { action: 'CONTACT_PROVIDER', ruleId: 'CHA-159', mandatory: true, done: false },
        { action: 'CONSIDER_EARLY_INSPECTION', ruleId: 'CHA-163', mandatory: false, done: false },
      ],
    });
  });

  test('the inspector named at triage is a name: longer than its column (200 characters) is refused before anything runs', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, { urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-23', account: 'x' });
    const input = {
      notificationId: notification.id,
      on: '2026-11-23',
      confirmedCategory: 'SERIOUS_EVENT' as const,
      routing: 'MEMO_TO_ALLOCATED_INSPECTOR' as const,
      inspector: 'x'.repeat(201),
    };
    const refused = await api.gql(Regulation40TriageDocument, { input }, { allowErrors: true });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/the most it may be is 200/),
    });
  });

  test('CHA-170 CHA-148 a delayed notification is followed up only with the reason for the delay and its impact', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, { urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-18', account: 'x' });
    await triage(notification.id, 'SERIOUS_EVENT');
    const as = await inspector();
    const base = {
      notificationId: notification.id,
      on: '2026-11-23',
      findings: {},
      summaryOfReason: 'A restraint.',
      providerAction: 'Reviewed.',
    };
    const refused = (await as.gql(Regulation40FollowUpDocument, { input: base })).data!.followUpRegulation40Notification;
    expect(refused.regulation40Notification).toBeNull();
    expect(refused.userErrors.map((e) => e.ruleId).sort()).toEqual(['CHA-148', 'CHA-170']);
    const { data } = await as.gql(Regulation40FollowUpDocument, {
      input: { ...base, delayReason: 'The manager was away.', delayImpact: 'None found.' },
    });
    expect(expectNoUserErrors(data!.followUpRegulation40Notification).regulation40Notification).toMatchObject({
      status: 'FOLLOWED_UP',
      followedUpOn: '2026-11-23',
      delayReason: 'The manager was away.',
    });
  });

  test('CHA-169 CHA-159 closed only with the category, reason, both actions and every mandatory action recorded (CHA-174)', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, { urn, category: 'SEXUAL_EXPLOITATION', incidentDate: '2026-11-23', account: 'x' });
    await triage(notification.id, 'SEXUAL_EXPLOITATION');
    const as = await inspector();
    expectNoUserErrors(
      (
        await as.gql(Regulation40FollowUpDocument, {
          input: {
            notificationId: notification.id,
            on: '2026-11-23',
            findings: {},
            summaryOfReason: 'Suspected exploitation.',
            providerAction: 'Strategy meeting held.',
          },
        })
      ).data!.followUpRegulation40Notification,
    );
    const close = { notificationId: notification.id, on: '2026-11-23' };
    const first = (await as.gql(Regulation40CloseDocument, { input: close })).data!.closeRegulation40Notification;
    expect(first.userErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'CHA-169', field: ['input', 'ofstedAction'] }),
        expect.objectContaining({ ruleId: 'CHA-159', field: ['input', 'actions'] }),
      ]),
    );
    const recorded = (
      await as.gql(Regulation40RecordActionDocument, {
        input: { notificationId: notification.id, action: 'CONTACT_PROVIDER', on: '2026-11-23', outcome: 'Manager called.' },
      })
    ).data!.recordRegulation40Action;
    expect(expectNoUserErrors(recorded).regulation40Notification!.actions).toEqual([
      { action: 'CONTACT_PROVIDER', on: '2026-11-23', by: 'inspector-a', outcome: 'Manager called.' },
    ]);
    const { data } = await as.gql(Regulation40CloseDocument, {
      input: { ...close, ofstedAction: 'Contacted the provider; no further action.' },
    });
    expect(expectNoUserErrors(data!.closeRegulation40Notification).regulation40Notification).toMatchObject({
      status: 'CLOSED',
      closedOn: '2026-11-23',
      requiredActions: [{ action: 'CONTACT_PROVIDER', ruleId: 'CHA-159', mandatory: true, done: true }],
    });
    const again = (await as.gql(Regulation40CloseDocument, { input: close })).data!.closeRegulation40Notification;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  test('CHA-174 an action needs its outcome; an inspector of another region may not record one', async () => {
    const { urn, provider } = await homeWithProvider();
    const notification = await submitted(provider, { urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-23', account: 'x' });
    const input = { notificationId: notification.id, action: 'OTHER' as const, on: '2026-11-23', outcome: ' ' };
    const payload = (await (await inspector()).gql(Regulation40RecordActionDocument, { input })).data!.recordRegulation40Action;
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'CHA-174' })]);
    const elsewhere = await inspector('inspector-y', YORKSHIRE);
    expect(
      await errorCode(elsewhere.gql(Regulation40RecordActionDocument, { input: { ...input, outcome: 'x' } }, { allowErrors: true })),
    ).toBe('FORBIDDEN');
  });
});

describe("the manager's queue and a home's summary", () => {
  test('CHA-154 CHA-166 CHA-167 CHA-176 overdue deadlines, the unassigned and those with no action, as they stood at a date', async () => {
    const region = 'E12000001'; // the North East: a region no other test here uses
    const home = await registerProvider(api, { localAuthority: 'E06000047' });
    const provider = await api.providerOf(home.urn);
    const manager = await api.managerOf(region);
    api.setToday('2026-11-02');
    const death = await submitted(provider, { urn: home.urn, category: 'DEATH_OF_CHILD', incidentDate: '2026-11-02', account: 'x' });
    const event = await submitted(provider, { urn: home.urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-02', account: 'x' });
    api.setToday('2026-11-23');

    const at = async (asOf: string) => (await manager.gql(Regulation40QueueDocument, { asOf })).data!.regulation40Queue;
    // On the day received: nothing overdue yet.
    expect((await at('2026-11-02')).overdue).toEqual([]);
    // The next day the death is past its same-day action; on 10 November (day 8) both are past the seven days.
    expect((await at('2026-11-03')).overdue).toEqual([
      { notification: { id: death.id }, deadline: 'FAST_TRACK_ACTION', dueOn: '2026-11-02', ruleId: 'CHA-154' },
    ]);
    expect((await at('2026-11-09')).overdue).toHaveLength(1);
    const tenth = await at('2026-11-10');
    expect(tenth.overdue.map((o) => [o.notification.id, o.deadline, o.dueOn])).toEqual(
      expect.arrayContaining([
        [death.id, 'ASSESSMENT', '2026-11-09'],
        [event.id, 'ASSESSMENT', '2026-11-09'],
      ]),
    );
    expect(tenth.unassigned.map((n) => n.id).sort()).toEqual([death.id, event.id].sort());
    expect(tenth.withoutRecordedAction.map((n) => n.id).sort()).toEqual([death.id, event.id].sort());

    // Triaged on 23 November: at the 10th it was still unassigned, at the 23rd no longer.
    await manager.gql(Regulation40TriageDocument, {
      input: {
        notificationId: event.id,
        on: '2026-11-23',
        confirmedCategory: 'SERIOUS_EVENT',
        routing: 'MEMO_TO_ALLOCATED_INSPECTOR',
        inspector: 'inspector-a',
      },
    });
    expect((await at('2026-11-10')).unassigned.map((n) => n.id)).toContain(event.id);
    expect((await at('2026-11-23')).unassigned.map((n) => n.id)).toEqual([death.id]);
    expect(await errorCode((await inspector()).gql(Regulation40QueueDocument, { region }, { allowErrors: true }))).toBe('FORBIDDEN');
  });

  test('CHA-165 CHA-178 an instigated child protection enquiry awaits its outcome notification for 28 days; the outcome names it', async () => {
    const region = 'E12000004'; // the East Midlands
    const home = await registerProvider(api, { localAuthority: 'E06000015' });
    const provider = await api.providerOf(home.urn);
    const manager = await api.managerOf(region);
    api.setToday('2026-10-01');
    const instigated = await submitted(provider, {
      urn: home.urn,
      category: 'CHILD_PROTECTION_ENQUIRY_INSTIGATED',
      incidentDate: '2026-10-01',
      account: 'x',
    });
    api.setToday('2026-11-23');
    const awaited = async (asOf: string) =>
      (await manager.gql(Regulation40QueueDocument, { asOf })).data!.regulation40Queue.awaitedOutcomes;
    expect(await awaited('2026-10-29')).toEqual([]);
    expect(await awaited('2026-10-30')).toEqual([{ instigation: { id: instigated.id }, outcomeExpectedBy: '2026-10-29', chasedOn: null }]);

    const wrong = await submit(provider, {
      urn: home.urn,
      category: 'SERIOUS_EVENT',
      incidentDate: '2026-11-20',
      account: 'x',
      instigationNotificationId: instigated.id,
    });
    expect(wrong.userErrors).toEqual([expect.objectContaining({ field: ['input', 'instigationNotificationId'] })]);
    await submitted(provider, {
      urn: home.urn,
      category: 'CHILD_PROTECTION_ENQUIRY_OUTCOME',
      incidentDate: '2026-11-20',
      account: 'x',
      instigationNotificationId: instigated.id,
    });
    expect(await awaited('2026-11-23')).toEqual([]);
  });

  test('CHA-175 CHA-172 counts per category over six months; three or more prompt an early inspection', async () => {
    const { urn, provider } = await homeWithProvider();
    for (const [day, category] of [
      ['2026-05-23', 'SERIOUS_EVENT'],
      ['2026-05-24', 'SERIOUS_EVENT'],
      ['2026-09-01', 'SEXUAL_EXPLOITATION'],
      ['2026-11-20', 'SERIOUS_EVENT'],
    ] as const) {
      api.setToday(day);
      await submitted(provider, { urn, category, incidentDate: day, account: 'x' });
    }
    api.setToday('2026-11-23');
    const summary = async (endingOn: string) =>
      (await provider.gql(Regulation40SummaryDocument, { urn, endingOn })).data!.regulation40Summary!;
    const now = await summary('2026-11-23');
    // Six months ending 23 November run from 24 May: the notification of 23 May is outside.
    expect(now).toMatchObject({ from: '2026-05-24', to: '2026-11-23', total: 3, considerEarlyInspection: true });
    expect(now.categories.filter((c) => c.count > 0)).toEqual([
      { category: 'SEXUAL_EXPLOITATION', count: 1, receivedOn: ['2026-09-01'] },
      { category: 'SERIOUS_EVENT', count: 2, receivedOn: ['2026-05-24', '2026-11-20'] },
    ]);
    // Ending 24 November, from 25 May: the one of 24 May drops out too.
    expect(await summary('2026-11-24')).toMatchObject({ from: '2026-05-25', total: 2, considerEarlyInspection: false });
  });
});
