/**
 * The rules of an inspection's lifecycle, end to end over HTTP: starting it, completing the
 * fieldwork (days on site, feedback date, CH-010, CH-024), and no judgement before feedback
 * (CH-163). For each rule the API enforces, the request that breaks it is refused with the right
 * userErrors entry (code, ruleId, field path, a message that says what is wrong) and the matching
 * request that keeps it is accepted.
 *
 * The clock stands at 2026-11-23 (a Monday); inspections are dated before it. Every test
 * registers its own settings, so the tests do not depend on one another. The drivers and the
 * expected userErrors entries (`broke`, `problem`) are in test/support.
 */
import { AddLineOfEnquiryDocument, type RegisterProviderInput } from '../generated/graphql';
import { TEST_NOW, useTestApp } from '../support/app';
import { AGENCY, FAMILY_CENTRE, SECURE_HOME, registerProvider } from '../support/fixtures';
import {
  completeFieldwork,
  finishFieldwork,
  inspectionOfNewSetting,
  reread,
  schedule,
  start,
  startInspection,
} from '../support/inspections';
import { proposeFull } from '../support/judgements';
import { broke, expectNoUserErrors, problem } from '../support/payloads';

const api = useTestApp();

describe('the inspection lifecycle', () => {
  test('starting an inspection twice is a CONFLICT', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    expectNoUserErrors(await startInspection(api, scheduled.id, '2026-11-10'));
    const again = await startInspection(api, scheduled.id, '2026-11-11');
    expect(again.inspection).toBeNull();
    expect(again.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /already started/)]);
    expect((await reread(api, scheduled.id)).onSiteStart).toBe('2026-11-10');
  });

  test('completing fieldwork before the inspection starts is a CONFLICT; completing it twice too', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const early = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-10', feedbackDate: '2026-11-10' });
    expect(early.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /only while on site.*scheduled/)]);
    await start(api, scheduled.id, '2026-11-10');
    expectNoUserErrors(await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-10', feedbackDate: '2026-11-10' }));
    const twice = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-11', feedbackDate: '2026-11-11' });
    expect(twice.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /fieldwork_complete/)]);
  });

  test('CH-024 feedback cannot be given before the last day on site; on or after it, it can', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const early = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-11', feedbackDate: '2026-11-10' });
    expect(early.userErrors).toEqual([broke('CH-024', ['feedbackDate'], /cannot be before the last day on site/)]);
    const later = expectNoUserErrors(await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-11', feedbackDate: '2026-11-13' }));
    expect(later.inspection).toMatchObject({ status: 'FIELDWORK_COMPLETE', onSiteEnd: '2026-11-11', feedbackDate: '2026-11-13' });
  });

  test("CH-010 a 3-day children's home full inspection needs extendedOnSiteReason", async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const refused = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-12', feedbackDate: '2026-11-12' });
    expect(refused.userErrors).toEqual([broke('CH-010', ['extendedOnSiteReason'], /3 days on site is longer than the usual 2/)]);
    const blank = await finishFieldwork(api, scheduled.id, {
      onSiteEnd: '2026-11-12',
      feedbackDate: '2026-11-12',
      extendedOnSiteReason: '   ',
    });
    expect(blank.userErrors).toEqual([broke('CH-010', ['extendedOnSiteReason'], /longer than the usual/)]);
    const accepted = expectNoUserErrors(
      await finishFieldwork(api, scheduled.id, {
        onSiteEnd: '2026-11-12',
        feedbackDate: '2026-11-12',
        extendedOnSiteReason: 'A second site was visited',
      }),
    );
    expect(accepted.inspection).toMatchObject({ status: 'FIELDWORK_COMPLETE', extendedOnSiteReason: 'A second site was visited' });
  });

  test('CH-010 two days on site need no reason', async () => {
    const inspection = await inspectionOfNewSetting(api, {}, { start: '2026-11-10', end: '2026-11-11' });
    expect(inspection).toMatchObject({ onSiteStart: '2026-11-10', onSiteEnd: '2026-11-11', extendedOnSiteReason: null });
  });

  test.each<[string, string, Partial<RegisterProviderInput>, 'FULL_INSPECTION' | 'INTERIM_INSPECTION' | 'ASSURANCE_VISIT', string, number]>(
    [
      ['CH-011', "a children's home interim inspection", {}, 'INTERIM_INSPECTION', '2026-11-11', 1],
      ['RFC-045', 'a family centre full inspection', FAMILY_CENTRE, 'FULL_INSPECTION', '2026-11-13', 3],
      ['ASA-049', 'an adoption support agency full inspection', AGENCY, 'FULL_INSPECTION', '2026-11-13', 3],
      ['CA-057', 'an assurance visit', SECURE_HOME, 'ASSURANCE_VISIT', '2026-11-13', 3],
    ],
  )('%s %s longer than usual on site needs extendedOnSiteReason', async (ruleId, _, setting, type, end, usual) => {
    const provider = await registerProvider(api, setting);
    const lines =
      type === 'ASSURANCE_VISIT' ? [{ source: 'PREVIOUS_INSPECTION' as const, text: 'Progress since the last inspection' }] : undefined;
    const scheduled = await schedule(api, provider.id, { type, ...(lines ? { linesOfEnquiry: lines } : {}) });
    await start(api, scheduled.id, '2026-11-10');
    const refused = await finishFieldwork(api, scheduled.id, { onSiteEnd: end, feedbackDate: end });
    expect(refused.userErrors).toEqual([broke(ruleId, ['extendedOnSiteReason'], new RegExp(`longer than the usual ${usual}`))]);
    expectNoUserErrors(
      await finishFieldwork(api, scheduled.id, {
        onSiteEnd: end,
        feedbackDate: end,
        extendedOnSiteReason: 'Agreed with the regulatory inspection manager',
      }),
    );
  });

  test('no line of enquiry can be added once fieldwork is complete (CONFLICT)', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const emerging = await api.gql(AddLineOfEnquiryDocument, {
      input: { inspectionId: scheduled.id, source: 'OTHER', text: 'Emerging: staffing rotas' },
    });
    expect(emerging.data!.addLineOfEnquiry.userErrors).toEqual([]);
    await completeFieldwork(api, scheduled.id, '2026-11-10');
    const late = await api.gql(AddLineOfEnquiryDocument, { input: { inspectionId: scheduled.id, source: 'OTHER', text: 'Too late' } });
    expect(late.data!.addLineOfEnquiry.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /Fieldwork is complete/)]);
  });

  test('the visit cannot end before it started', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const payload = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-09', feedbackDate: '2026-11-10' });
    expect(payload.userErrors).toEqual([problem('BAD_USER_INPUT', ['onSiteEnd'], /cannot end before it started/)]);
  });

  test('the first day on site cannot be in the future (today is 2026-11-23); moving the clock allows it', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id, { scheduledStart: '2026-11-24' });
    expect(scheduled.scheduledStart).toBe('2026-11-24'); // planning ahead is allowed
    const payload = await startInspection(api, scheduled.id, '2026-11-24');
    expect(payload.userErrors).toEqual([problem('BAD_USER_INPUT', ['onSiteStart'], /cannot be in the future/)]);
    api.clock.set(new Date('2026-11-24T09:00:00Z'));
    try {
      expectNoUserErrors(await startInspection(api, scheduled.id, '2026-11-24'));
    } finally {
      api.clock.set(TEST_NOW);
    }
  });

  test('the end of the visit and the feedback date cannot be in the future', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id, { scheduledStart: '2026-11-23' });
    await start(api, scheduled.id, '2026-11-23');
    const end = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-24', feedbackDate: '2026-11-24' });
    expect(end.userErrors).toEqual([
      problem('BAD_USER_INPUT', ['onSiteEnd'], /cannot be in the future/),
      problem('BAD_USER_INPUT', ['feedbackDate'], /cannot be in the future/),
    ]);
    const feedback = await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-23', feedbackDate: '2026-11-25' });
    expect(feedback.userErrors).toEqual([problem('BAD_USER_INPUT', ['feedbackDate'], /cannot be in the future/)]);
    expectNoUserErrors(await finishFieldwork(api, scheduled.id, { onSiteEnd: '2026-11-23', feedbackDate: '2026-11-23' }));
  });

  test('a visit cannot start before notice of it was given', async () => {
    const provider = await registerProvider(api, AGENCY);
    const scheduled = await schedule(api, provider.id, { noticeGivenOn: '2026-10-27' });
    const payload = await startInspection(api, scheduled.id, '2026-10-26');
    expect(payload.userErrors).toEqual([problem('BAD_USER_INPUT', ['onSiteStart'], /before notice of it was given/)]);
  });

  test('CH-163 judgements cannot be proposed before the fieldwork is complete', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const beforeStart = await proposeFull(api, scheduled.id);
    expect(beforeStart.userErrors).toEqual([broke('CH-163', ['inspectionId'], /complete the fieldwork/)]);
    await start(api, scheduled.id, '2026-11-10');
    const onSite = await proposeFull(api, scheduled.id);
    expect(onSite.inspection).toBeNull();
    expect(onSite.userErrors).toEqual([broke('CH-163', ['inspectionId'], /proposed at feedback/)]);
    await completeFieldwork(api, scheduled.id, '2026-11-10');
    const atFeedback = expectNoUserErrors(await proposeFull(api, scheduled.id));
    expect(atFeedback.inspection?.judgement).toMatchObject({ version: 1, kind: 'FULL_INSPECTION' });
  });

  test('an unknown inspection is NOT_FOUND', async () => {
    const payload = await startInspection(api, 'SW5zcGVjdGlvbjpub25l', '2026-11-10');
    expect(payload.userErrors).toEqual([problem('NOT_FOUND', ['inspectionId'], /No inspection/)]);
  });
});
