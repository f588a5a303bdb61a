/**
 * The rules of recording evidence, end to end over HTTP: when it may be recorded, interviews
 * (CH-145), names kept out of narratives (CH-142) and the evaluation criteria of each setting
 * type. For each rule the API enforces, the request that breaks it is refused with the right
 * userErrors entry (code, ruleId, field path, a message that says what is wrong) and the matching
 * request that keeps it is accepted.
 *
 * The clock stands at 2026-11-23 (a Monday); inspections are dated before it. Every test
 * registers its own settings, so the tests do not depend on one another. The drivers and the
 * expected userErrors entries (`broke`, `problem`) are in test/support.
 */
import { EvaluationCriteriaDocument } from '../generated/graphql';
import { useTestApp } from '../support/app';
import { AGENCY, FAMILY_CENTRE, registerProvider } from '../support/fixtures';
import { inspectionOfNewSetting, reread, schedule, start, tryEvidence } from '../support/inspections';
import { broke, expectNoUserErrors, problem } from '../support/payloads';

const api = useTestApp();

describe('evidence', () => {
  test('evidence cannot be recorded before the inspection starts (CONFLICT)', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const refused = await tryEvidence(api, scheduled.id);
    expect(refused.evidence).toBeNull();
    expect(refused.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /once the inspection has started/)]);
    await start(api, scheduled.id, '2026-11-10');
    const accepted = expectNoUserErrors(await tryEvidence(api, scheduled.id));
    expect(accepted.evidence).toMatchObject({
      source: 'OBSERVATION',
      judgementArea: 'HELPED_AND_PROTECTED',
      evaluationCriterion: 'HP.a',
      finding: 'WEAKNESS',
    });
  });

  test('CH-145 an interview (STAFF) needs interviewTime and intervieweeRole', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await tryEvidence(api, inspection.id, { source: 'STAFF' });
    expect(refused.userErrors).toEqual([
      broke('CH-145', ['interviewTime'], /Record the time of the interview/),
      broke('CH-145', ['intervieweeRole'], /Record the interviewee's role/),
    ]);
    const badTime = await tryEvidence(api, inspection.id, { source: 'STAFF', interviewTime: '9am', intervieweeRole: 'deputy manager' });
    expect(badTime.userErrors).toEqual([problem('BAD_USER_INPUT', ['interviewTime'], /HH:MM/)]);
    const accepted = expectNoUserErrors(
      await tryEvidence(api, inspection.id, { source: 'STAFF', interviewTime: '14:30', intervieweeRole: 'deputy manager' }),
    );
    expect(accepted.evidence).toMatchObject({ source: 'STAFF', interviewTime: '14:30', intervieweeRole: 'deputy manager' });
  });

  test('CH-145 an observation needs no interview time or role', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const accepted = expectNoUserErrors(await tryEvidence(api, inspection.id, { source: 'OBSERVATION' }));
    expect(accepted.evidence).toMatchObject({ interviewTime: null, intervieweeRole: null });
  });

  test('RFC-064 a family centre interview needs the time and role too', async () => {
    const inspection = await inspectionOfNewSetting(api, FAMILY_CENTRE);
    const refused = await tryEvidence(api, inspection.id, {
      source: 'PARENTS_AND_CARERS',
      evaluationCriterion: 'HP.1',
      interviewTime: '10:15',
    });
    expect(refused.userErrors).toEqual([broke('RFC-064', ['intervieweeRole'], /role or relationship/)]);
  });

  test('CH-142 the full name of someone in the protected register is refused in a later narrative', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const first = expectNoUserErrors(
      await tryEvidence(api, inspection.id, {
        narrative: 'J.S. went missing twice in October and no return interview was held.',
        people: [{ name: 'Jordan Smith', role: 'CHILD' }],
        identificationJustification: 'Needed to protect the child: referral to the placing authority',
      }),
    );
    expect(first.evidence?.people).toEqual([{ id: expect.any(String), name: 'Jordan Smith', initials: 'J.S.', role: 'CHILD' }]);
    expect((await reread(api, inspection.id)).protectedPeople).toEqual([
      expect.objectContaining({ name: 'Jordan Smith', initials: 'J.S.' }),
    ]);

    for (const narrative of [
      'Staff said Jordan Smith was settled.',
      'Staff said jordan smith was settled.',
      'Staff said Smith was settled.',
    ]) {
      const refused = await tryEvidence(api, inspection.id, { narrative });
      expect(refused.userErrors).toEqual([broke('CH-142', ['narrative'], /must not name people: use initials/)]);
    }
    const role = await tryEvidence(api, inspection.id, {
      source: 'STAFF',
      interviewTime: '11:00',
      intervieweeRole: 'key worker of Jordan Smith',
    });
    expect(role.userErrors).toEqual([broke('CH-142', ['narrative'], /use initials/)]);
    expectNoUserErrors(await tryEvidence(api, inspection.id, { narrative: 'Staff said J.S. was settled.' }));
  });

  test('CH-142 names outside the ASCII alphabet are caught too', async () => {
    const inspection = await inspectionOfNewSetting(api);
    expectNoUserErrors(
      await tryEvidence(api, inspection.id, {
        narrative: 'Z.B. and Ł.Ż. were not offered return interviews.',
        people: [
          { name: 'Zoë Brontë', role: 'CHILD' },
          { name: 'Łukasz Żak', role: 'CHILD' },
        ],
        identificationJustification: 'Referral to the placing authorities',
      }),
    );
    for (const narrative of [
      'Staff said Zoë Brontë was upset.',
      'Staff said Brontë was upset.',
      'Łukasz Żak went missing.',
      'Żak went missing.',
    ]) {
      const refused = await tryEvidence(api, inspection.id, { narrative });
      expect(refused.userErrors).toEqual([broke('CH-142', ['narrative'], /use initials/)]);
    }
  });

  test('CH-142 a name given with the evidence cannot appear in its own narrative', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await tryEvidence(api, inspection.id, {
      narrative: 'Alex Turner restrained a child without recording it.',
      people: [{ name: 'Alex Turner', role: 'STAFF_MEMBER' }],
      identificationJustification: 'Supports further action: a referral to the designated officer',
    });
    expect(refused.userErrors).toEqual([broke('CH-142', ['narrative'], /use initials/)]);
    expect((await reread(api, inspection.id)).protectedPeople).toEqual([]);
  });

  test('CH-142 naming people requires identificationJustification', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await tryEvidence(api, inspection.id, {
      narrative: 'A.T. restrained a child.',
      people: [{ name: 'Alex Turner', role: 'STAFF_MEMBER' }],
    });
    expect(refused.userErrors).toEqual([broke('CH-142', ['identificationJustification'], /protects a child or supports further action/)]);
    const accepted = expectNoUserErrors(
      await tryEvidence(api, inspection.id, {
        narrative: 'A.T. restrained a child.',
        people: [{ name: 'Alex Turner', role: 'STAFF_MEMBER' }],
        identificationJustification: 'Referral to the designated officer',
      }),
    );
    const personId = accepted.evidence!.people[0].id;
    // Naming someone already in the register needs a justification as well.
    const again = await tryEvidence(api, inspection.id, { narrative: 'A.T. was on shift again.', people: [{ id: personId }] });
    expect(again.userErrors).toEqual([broke('CH-142', ['identificationJustification'], /record which/)]);
    const unknown = await tryEvidence(api, inspection.id, {
      narrative: 'A.T. was on shift again.',
      people: [{ id: 'UHJvdGVjdGVkUGVyc29uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==' }],
      identificationJustification: 'x',
    });
    expect(unknown.userErrors).toEqual([problem('NOT_FOUND', ['people', '0', 'id'], /protected register/)]);
  });

  test("the evaluation criterion must be one of evaluationCriteria(settingType, area): HP.z is refused for a children's home", async () => {
    const { data } = await api.gql(EvaluationCriteriaDocument, { settingType: 'CHILDRENS_HOME', judgementArea: 'HELPED_AND_PROTECTED' });
    const codes = data!.evaluationCriteria.map((c) => c.code);
    expect(codes).toHaveLength(17);
    expect(codes[0]).toBe('HP.a');
    expect(codes[16]).toBe('HP.q');
    const inspection = await inspectionOfNewSetting(api);
    const refused = await tryEvidence(api, inspection.id, { evaluationCriterion: 'HP.z' });
    expect(refused.userErrors).toEqual([
      problem('BAD_USER_INPUT', ['evaluationCriterion'], /"HP.z" is not an evaluation criterion of this judgement area/),
    ]);
    const otherArea = await tryEvidence(api, inspection.id, { judgementArea: 'LEADERS_AND_MANAGERS', evaluationCriterion: 'HP.a' });
    expect(otherArea.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /not an evaluation criterion/)]);
    expectNoUserErrors(await tryEvidence(api, inspection.id, { evaluationCriterion: 'HP.q' }));
  });

  test("CH-146 a children's home evidence record needs its criterion", async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await tryEvidence(api, inspection.id, { evaluationCriterion: null });
    expect(refused.userErrors).toEqual([broke('CH-146', ['evaluationCriterion'], /Say which evaluation criterion/)]);
  });

  test('RFC-007 a family centre uses numeric criteria (HP.1) and needs one', async () => {
    const { data } = await api.gql(EvaluationCriteriaDocument, {
      settingType: 'RESIDENTIAL_FAMILY_CENTRE',
      judgementArea: 'HELPED_AND_PROTECTED',
    });
    expect(data!.evaluationCriteria.map((c) => c.code)).toEqual(['HP.1', 'HP.2', 'HP.3', 'HP.4', 'HP.5']);
    const inspection = await inspectionOfNewSetting(api, FAMILY_CENTRE);
    const missing = await tryEvidence(api, inspection.id, { evaluationCriterion: null });
    expect(missing.userErrors).toEqual([broke('RFC-007', ['evaluationCriterion'], /Say which evaluation criterion/)]);
    const lettered = await tryEvidence(api, inspection.id, { evaluationCriterion: 'HP.a' });
    expect(lettered.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /"HP.a" is not an evaluation criterion/)]);
    const tooHigh = await tryEvidence(api, inspection.id, { evaluationCriterion: 'HP.6' });
    expect(tooHigh.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /not an evaluation criterion/)]);
    const accepted = expectNoUserErrors(await tryEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' }));
    expect(accepted.evidence?.evaluationCriterion).toBe('HP.1');
    expectNoUserErrors(await tryEvidence(api, inspection.id, { judgementArea: 'LEADERS_AND_MANAGERS', evaluationCriterion: 'LM.9' }));
  });

  test('ASA-009 an adoption support agency evidence record needs its criterion', async () => {
    const inspection = await inspectionOfNewSetting(api, AGENCY);
    const missing = await tryEvidence(api, inspection.id, { evaluationCriterion: null });
    expect(missing.userErrors).toEqual([broke('ASA-009', ['evaluationCriterion'], /evaluation criterion/)]);
    expectNoUserErrors(await tryEvidence(api, inspection.id, { evaluationCriterion: 'HP.4' }));
  });
});
