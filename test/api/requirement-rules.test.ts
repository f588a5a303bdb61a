/**
 * The rules of requirements, recommendations and compliance notices, end to end over HTTP: what
 * each must say and rest on, and their checking at a later visit (CH-137). For each rule the API
 * enforces, the request that breaks it is refused with the right userErrors entry (code, ruleId,
 * field path, a message that says what is wrong) and the matching request that keeps it is
 * accepted.
 *
 * The clock stands at 2026-11-23 (a Monday); inspections are dated before it. Every test
 * registers its own settings, so the tests do not depend on one another. The drivers and the
 * expected userErrors entries (`broke`, `problem`) are in test/support.
 */
import { CheckRecommendationDocument } from '../generated/graphql';
import { useTestApp } from '../support/app';
import { AGENCY, FAMILY_CENTRE, registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, inspectionOfNewSetting, recordEvidence, reread, schedule } from '../support/inspections';
import { broke, expectNoUserErrors, problem } from '../support/payloads';
import { checkRequirement, recordRecommendation, recordRequirement, serveNotice } from '../support/requirements';

const api = useTestApp();

describe('requirements', () => {
  test('a requirement backed by weakness evidence is recorded, OPEN', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const weakness = await recordEvidence(api, inspection.id);
    const payload = expectNoUserErrors(await recordRequirement(api, inspection.id, [weakness.id]));
    expect(payload.requirement).toMatchObject({
      regulation: 'Regulation 12 (the protection of children standard)',
      dueDate: '2026-12-31',
      status: 'OPEN',
      evidence: [{ id: weakness.id, finding: 'WEAKNESS' }],
      inspection: { id: inspection.id },
      checkedAt: null,
    });
  });

  test('CHA-041 linking STRENGTH evidence to a requirement is refused', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const weakness = await recordEvidence(api, inspection.id);
    const strength = await recordEvidence(api, inspection.id, {
      finding: 'STRENGTH',
      narrative: 'Children have a trusted adult.',
      evaluationCriterion: 'HP.b',
    });
    const refused = await recordRequirement(api, inspection.id, [weakness.id, strength.id]);
    expect(refused.requirement).toBeNull();
    expect(refused.userErrors).toEqual([broke('CHA-041', ['evidenceIds'], /link only evidence recorded as a weakness/)]);
    expect((await reread(api, inspection.id)).requirements).toEqual([]);
  });

  test('CH-128 a requirement with an empty regulation is refused', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const weakness = await recordEvidence(api, inspection.id);
    for (const regulation of ['', '   ']) {
      const refused = await recordRequirement(api, inspection.id, [weakness.id], { regulation });
      expect(refused.userErrors).toEqual([broke('CH-128', ['regulation'], /Name the regulation that was breached/)]);
    }
    const noAction = await recordRequirement(api, inspection.id, [weakness.id], { action: '' });
    expect(noAction.userErrors).toEqual([broke('CH-128', ['action'], /what the registered person must do/)]);
  });

  test('CH-127 a requirement with no evidence, or no impact statement, is refused', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await recordRequirement(api, inspection.id, []);
    expect(refused.userErrors).toEqual([broke('CH-127', ['evidenceIds'], /Link the evidence of the breach/)]);
    const weakness = await recordEvidence(api, inspection.id);
    const noImpact = await recordRequirement(api, inspection.id, [weakness.id], { impactStatement: ' ' });
    expect(noImpact.userErrors).toEqual([broke('CH-127', ['impactStatement'], /actual or potential impact/)]);
  });

  test('a requirement cannot be due before the inspection began', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const weakness = await recordEvidence(api, inspection.id);
    const refused = await recordRequirement(api, inspection.id, [weakness.id], { dueDate: '2026-11-09' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['dueDate'], /cannot be due before the inspection began/)]);
  });

  test('RFC-031 a family centre requirement with evidence from only one source is refused; two sources are accepted', async () => {
    const inspection = await inspectionOfNewSetting(api, FAMILY_CENTRE);
    const seen = await recordEvidence(api, inspection.id, { source: 'OBSERVATION', evaluationCriterion: 'HP.1' });
    const seenAgain = await recordEvidence(api, inspection.id, {
      source: 'OBSERVATION',
      evaluationCriterion: 'HP.2',
      narrative: 'Risk assessments were out of date.',
    });
    const read = await recordEvidence(api, inspection.id, {
      source: 'RECORDS_AND_DOCUMENTS',
      evaluationCriterion: 'HP.1',
      narrative: 'The log shows no checks.',
    });
    const oneSource = await recordRequirement(api, inspection.id, [seen.id, seenAgain.id]);
    expect(oneSource.userErrors).toEqual([broke('RFC-031', ['evidenceIds'], /more than one source/)]);
    const single = await recordRequirement(api, inspection.id, [seen.id]);
    expect(single.userErrors).toEqual([broke('RFC-031', ['evidenceIds'], /Triangulate/)]);
    const accepted = expectNoUserErrors(await recordRequirement(api, inspection.id, [seen.id, read.id]));
    expect(accepted.requirement?.evidence.map((e) => e.id).sort()).toEqual([seen.id, read.id].sort());
  });

  test("CH-127 a children's home requirement may rest on a single source", async () => {
    const inspection = await inspectionOfNewSetting(api);
    const weakness = await recordEvidence(api, inspection.id);
    expectNoUserErrors(await recordRequirement(api, inspection.id, [weakness.id]));
  });

  test('evidence from another inspection is NOT_FOUND', async () => {
    const provider = await registerProvider(api);
    const earlier = await inspectionAtFeedback(api, provider.id, { start: '2026-05-12' });
    const elsewhere = await recordEvidence(api, earlier.id);
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await recordRequirement(api, inspection.id, [elsewhere.id]);
    expect(refused.requirement).toBeNull();
    expect(refused.userErrors).toEqual(
      expect.arrayContaining([problem('NOT_FOUND', ['evidenceIds', '0'], /No evidence recorded at this inspection has this ID/)]),
    );
    const garbage = await recordRequirement(api, inspection.id, ['not-an-id']);
    expect(garbage.userErrors).toEqual(expect.arrayContaining([problem('NOT_FOUND', ['evidenceIds', '0'], /No evidence/)]));
  });

  test('a requirement cannot be made at an inspection that has not started (CONFLICT)', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const refused = await recordRequirement(api, scheduled.id, []);
    expect(refused.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /has not started/)]);
  });
});

describe('recommendations and compliance notices', () => {
  test('CH-136 a recommendation without a reference is refused; with one it is recorded', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const weakness = await recordEvidence(api, inspection.id);
    const refused = await recordRecommendation(api, inspection.id, [weakness.id], { reference: ' ' });
    expect(refused.recommendation).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-136', ['reference'], /Cite the Guide's page and paragraph, or the statutory guidance/)]);
    const accepted = expectNoUserErrors(await recordRecommendation(api, inspection.id, [weakness.id]));
    expect(accepted.recommendation).toMatchObject({
      reference: "Guide to the children's homes regulations, page 41, paragraph 9.5",
      status: 'OPEN',
      evidence: [{ id: weakness.id }],
    });
  });

  test('CH-146 a recommendation needs evidence', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await recordRecommendation(api, inspection.id, []);
    expect(refused.userErrors).toEqual([broke('CH-146', ['evidenceIds'], /Link the evidence/)]);
  });

  test('RFC-030 a family centre recommendation cites the national minimum standard', async () => {
    const inspection = await inspectionOfNewSetting(api, FAMILY_CENTRE);
    const weakness = await recordEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' });
    const refused = await recordRecommendation(api, inspection.id, [weakness.id], { reference: '' });
    expect(refused.userErrors).toEqual([broke('RFC-030', ['reference'], /national minimum standard/)]);
    expectNoUserErrors(await recordRecommendation(api, inspection.id, [weakness.id], { reference: 'NMS 5.3' }));
  });

  test('ASA-028 an adoption support agency recommendation without guidanceSummary is refused', async () => {
    const inspection = await inspectionOfNewSetting(api, AGENCY);
    const weakness = await recordEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' });
    const refused = await recordRecommendation(api, inspection.id, [weakness.id], { reference: 'NMS 10.2' });
    expect(refused.userErrors).toEqual([broke('ASA-028', ['guidanceSummary'], /Summarise the national minimum standard/)]);
    const accepted = expectNoUserErrors(
      await recordRecommendation(api, inspection.id, [weakness.id], {
        reference: 'NMS 10.2',
        guidanceSummary: 'Staff are supervised and supported.',
      }),
    );
    expect(accepted.recommendation).toMatchObject({ reference: 'NMS 10.2', guidanceSummary: 'Staff are supervised and supported.' });
  });

  test('CH-140 a compliance notice action due on or before the day the notice is served is refused', async () => {
    const inspection = await inspectionOfNewSetting(api);
    for (const completionDate of ['2026-11-12', '2026-11-11']) {
      const refused = await serveNotice(api, inspection.id, {
        servedOn: '2026-11-12',
        actions: [{ regulation: 'Regulation 12', action: 'Record checks.', completionDate }],
      });
      expect(refused.complianceNotice).toBeNull();
      expect(refused.userErrors).toEqual([
        broke('CH-140', ['actions', '0', 'completionDate'], /completion date comes after the notice is served/),
      ]);
    }
    const accepted = expectNoUserErrors(await serveNotice(api, inspection.id));
    expect(accepted.complianceNotice).toMatchObject({
      ground: 'PROMOTE_WELFARE_OR_RISK_OF_HARM',
      servedOn: '2026-11-12',
      actions: [{ regulation: 'Regulation 12', action: 'Carry out and record night-time checks.', completionDate: '2026-12-12' }],
      inspection: { id: inspection.id },
    });
  });

  test('CH-140 each compliance notice action names its regulation', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await serveNotice(api, inspection.id, {
      actions: [
        { regulation: 'Regulation 12', action: 'Record checks.', completionDate: '2026-12-12' },
        { regulation: ' ', action: 'Train staff.', completionDate: '2026-12-31' },
      ],
    });
    expect(refused.userErrors).toEqual([broke('CH-140', ['actions', '1', 'regulation'], /names its regulation/)]);
  });

  test('CHA-071 a compliance notice with no actions is refused', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await serveNotice(api, inspection.id, { actions: [] });
    expect(refused.userErrors).toEqual([broke('CHA-071', ['actions'], /at least one action/)]);
  });

  test('a compliance notice cannot be served in the future, or before the inspection began', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const future = await serveNotice(api, inspection.id, { servedOn: '2026-11-24' });
    expect(future.userErrors).toEqual([problem('BAD_USER_INPUT', ['servedOn'], /cannot be in the future/)]);
    const before = await serveNotice(api, inspection.id, { servedOn: '2026-11-09' });
    expect(before.userErrors).toEqual([problem('BAD_USER_INPUT', ['servedOn'], /after the inspection began/)]);
  });
});

describe('CH-137 requirements and recommendations are checked at a later visit', () => {
  async function requirementMadeAt(providerId: string, on: string) {
    const inspection = await inspectionAtFeedback(api, providerId, { start: on });
    const weakness = await recordEvidence(api, inspection.id);
    const requirement = expectNoUserErrors(await recordRequirement(api, inspection.id, [weakness.id])).requirement!;
    const recommendation = expectNoUserErrors(await recordRecommendation(api, inspection.id, [weakness.id])).recommendation!;
    return { inspection, requirement, recommendation };
  }

  test('CH-137 checking a requirement at the inspection that made it is refused', async () => {
    const provider = await registerProvider(api);
    const { inspection, requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const refused = await checkRequirement(api, requirement.id, inspection.id);
    expect(refused.requirement).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-137', ['inspectionId'], /later visit that has started, not the one that made it/)]);
  });

  test("CH-137 checking a requirement at another provider's inspection is refused", async () => {
    const provider = await registerProvider(api);
    const other = await registerProvider(api, { name: 'Elm Lodge' });
    const { requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const otherVisit = await inspectionAtFeedback(api, other.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const refused = await checkRequirement(api, requirement.id, otherVisit.id);
    expect(refused.userErrors).toEqual([broke('CH-137', ['inspectionId'], /visit to the same setting/)]);
  });

  test('CH-137 checking a requirement at a later visit that has not started is refused', async () => {
    const provider = await registerProvider(api);
    const { requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const planned = await schedule(api, provider.id, { type: 'MONITORING_VISIT', scheduledStart: '2026-11-30', linesOfEnquiry: [] });
    const refused = await checkRequirement(api, requirement.id, planned.id);
    expect(refused.userErrors).toEqual([broke('CH-137', ['inspectionId'], /later visit that has started/)]);
  });

  test('CH-137 checking a requirement at a later visit is accepted: status MET, checkedAt set', async () => {
    const provider = await registerProvider(api);
    const { inspection, requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const accepted = expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id));
    expect(accepted.requirement).toEqual({ id: requirement.id, status: 'MET', checkedAt: { id: visit.id } });
    const stored = await reread(api, inspection.id);
    expect(stored.requirements).toEqual([expect.objectContaining({ id: requirement.id, status: 'MET', checkedAt: { id: visit.id } })]);
  });

  test('CH-137 a recommendation is checked the same way (NOT_MET recorded)', async () => {
    const provider = await registerProvider(api);
    const { inspection, recommendation } = await requirementMadeAt(provider.id, '2026-06-02');
    const same = await api.gql(CheckRecommendationDocument, {
      input: { recommendationId: recommendation.id, inspectionId: inspection.id, outcome: 'MET' },
    });
    expect(same.data!.checkRecommendation.userErrors).toEqual([broke('CH-137', ['inspectionId'], /not the one that made it/)]);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const later = await api.gql(CheckRecommendationDocument, {
      input: { recommendationId: recommendation.id, inspectionId: visit.id, outcome: 'NOT_MET' },
    });
    expect(later.data!.checkRecommendation).toEqual({
      recommendation: { id: recommendation.id, status: 'NOT_MET', checkedAt: { id: visit.id } },
      userErrors: [],
    });
  });

  test('RFC-037 a family centre requirement is checked at a later visit to the centre', async () => {
    const inspection = await inspectionOfNewSetting(api, FAMILY_CENTRE, { start: '2026-06-02' });
    const seen = await recordEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' });
    const read = await recordEvidence(api, inspection.id, { source: 'RECORDS_AND_DOCUMENTS', evaluationCriterion: 'HP.1' });
    const requirement = expectNoUserErrors(await recordRequirement(api, inspection.id, [seen.id, read.id])).requirement!;
    const refused = await checkRequirement(api, requirement.id, inspection.id);
    expect(refused.userErrors).toEqual([broke('RFC-037', ['inspectionId'], /later visit/)]);
  });

  test('an unknown requirement is NOT_FOUND', async () => {
    const visit = await inspectionOfNewSetting(api, {}, { type: 'MONITORING_VISIT' });
    const refused = await checkRequirement(api, 'UmVxdWlyZW1lbnQ6bm9uZQ==', visit.id);
    expect(refused.userErrors).toEqual([problem('NOT_FOUND', ['requirementId'], /No requirement/)]);
  });
});
