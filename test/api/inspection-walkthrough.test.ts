/**
 * One full inspection of a children's home and one of an adoption support agency, from
 * scheduling to judgements, over HTTP, as an inspector would record them.
 */
import {
  AddLineOfEnquiryDocument,
  InspectionRecordDocument,
  InspectionsWithEverythingDocument,
  ProviderInspectionsDocument,
  ProvidersWithInspectionsDocument,
} from '../generated/graphql';
import { useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import {
  finishFieldwork,
  inspectionAtFeedback,
  recordEvidence,
  scheduleInspection,
  startInspection,
  tryEvidence,
} from '../support/inspections';
import { proposeFull, proposeInterim } from '../support/judgements';
import { checkRequirement, recordRecommendation, recordRequirement, serveNotice } from '../support/requirements';

const api = useTestApp();

describe("a full inspection of a children's home, from scheduling to judgements", () => {
  test('schedule, start, gather evidence, give feedback, propose judgements, make requirements', async () => {
    const home = await registerProvider(api, {
      name: 'Larch House',
      registrationDate: '2023-03-01',
      registeredManager: { name: 'Grace Adeyemi', startDate: '2023-03-01' },
    });

    // Scheduled without notice: children's homes are unannounced (CH-004).
    const scheduled = await scheduleInspection(api, home.id, {
      scheduledStart: '2026-10-06',
      linesOfEnquiry: [
        { source: 'STATEMENT_OF_PURPOSE', text: 'Does care match the statement of purpose for children with complex needs?' },
        { source: 'NOTIFICATION', text: 'Two missing-from-care episodes notified in August' },
      ],
    });
    expect(scheduled.userErrors).toEqual([]);
    const inspection = scheduled.inspection!;
    expect(inspection).toMatchObject({
      type: 'FULL_INSPECTION',
      status: 'SCHEDULED',
      scheduledStart: '2026-10-06',
      leadInspector: 'Alex Inspector',
      teamInspectors: ['Sam Second'],
      notice: { rule: 'UNANNOUNCED', ruleId: 'CH-004', breach: false, workingDaysGiven: null },
      judgement: null,
    });

    const started = await startInspection(api, inspection.id, '2026-10-06');
    expect(started.inspection).toMatchObject({ status: 'ON_SITE', onSiteStart: '2026-10-06' });

    const emerging = await api.gql(AddLineOfEnquiryDocument, {
      input: { inspectionId: inspection.id, source: 'OTHER', text: 'Use of restraint on the evening of arrival' },
    });
    expect(emerging.data!.addLineOfEnquiry.inspection!.linesOfEnquiry).toHaveLength(3);

    // Evidence: one strength from a conversation with a child, one weakness from the records.
    const interview = await tryEvidence(api, inspection.id, {
      source: 'CHILDREN',
      judgementArea: 'OVERALL_EXPERIENCES_AND_PROGRESS',
      evaluationCriterion: 'OEP.a',
      finding: 'STRENGTH',
      narrative: 'J.M. described staff as "the people I trust most"; they have lived here two years.',
      interviewTime: '16:30',
      intervieweeRole: 'child, aged 14',
      people: [{ name: 'Jamie Morgan', role: 'CHILD' }],
      identificationJustification: 'Supports the evidence of stable, trusting relationships for the tracked child',
    });
    expect(interview.userErrors).toEqual([]);
    const child = interview.evidence!.people[0];
    expect(child).toMatchObject({ name: 'Jamie Morgan', initials: 'J.M.', role: 'CHILD' });

    const records = await recordEvidence(api, inspection.id, {
      source: 'RECORDS_AND_DOCUMENTS',
      judgementArea: 'HELPED_AND_PROTECTED',
      evaluationCriterion: 'HP.c',
      finding: 'WEAKNESS',
      narrative: 'Return home interviews were not requested after two missing episodes of J.M.',
      people: [{ id: child.id }],
      identificationJustification: 'Needed to protect the child: the missing episodes must be followed up',
    });
    const staffInterview = await recordEvidence(api, inspection.id, {
      source: 'STAFF',
      judgementArea: 'HELPED_AND_PROTECTED',
      evaluationCriterion: 'HP.c',
      finding: 'WEAKNESS',
      narrative: 'The deputy manager did not know the missing-from-care protocol.',
      interviewTime: '10:15',
      intervieweeRole: 'deputy manager',
    });

    // Feedback on the second day: the last day of the inspection.
    const completed = await finishFieldwork(api, inspection.id, { onSiteEnd: '2026-10-07', feedbackDate: '2026-10-07' });
    expect(completed.inspection).toMatchObject({ status: 'FIELDWORK_COMPLETE', feedbackDate: '2026-10-07' });

    const proposed = await proposeFull(api, inspection.id, {
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      leadersAndManagers: 'GOOD',
    });
    expect(proposed.userErrors).toEqual([]);
    expect(proposed.inspection!.judgement).toMatchObject({
      version: 1,
      kind: 'FULL_INSPECTION',
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      leadersAndManagers: 'GOOD',
      managerVacancyDays: null,
      changeReason: null,
    });

    const requirement = await recordRequirement(api, inspection.id, [records.id, staffInterview.id], {
      regulation: 'Regulation 12 (the protection of children standard)',
      action: 'Ensure a return home interview is requested after every missing episode',
      dueDate: '2026-11-30',
      impactStatement: 'Risks to children who go missing are not understood or reduced',
    });
    expect(requirement.userErrors).toEqual([]);
    expect(requirement.requirement).toMatchObject({
      status: 'OPEN',
      evidence: [{ finding: 'WEAKNESS' }, { finding: 'WEAKNESS' }],
    });

    const recommendation = await recordRecommendation(api, inspection.id, [staffInterview.id], {
      reference: "Guide to the children's homes regulations, page 44, paragraph 9.5",
      action: 'Staff know and follow the missing-from-care protocol',
    });
    expect(recommendation.userErrors).toEqual([]);

    const notice = await serveNotice(api, inspection.id, {
      ground: 'PROMOTE_WELFARE_OR_RISK_OF_HARM',
      servedOn: '2026-10-09',
      actions: [
        { regulation: 'Regulation 12', action: 'Review every child missing since April', completionDate: '2026-10-23' },
        { regulation: 'Regulation 33', action: 'Train all staff on the protocol', completionDate: '2026-11-06' },
      ],
    });
    expect(notice.userErrors).toEqual([]);

    // The whole record reads back through one query.
    const { data } = await api.gql(InspectionRecordDocument, { id: inspection.id, evidenceFirst: 2 });
    const record = data!.node!;
    if (record.__typename !== 'Inspection') throw new Error('not an inspection');
    expect(record.linesOfEnquiry.map((l) => l.source)).toEqual(['STATEMENT_OF_PURPOSE', 'NOTIFICATION', 'OTHER']);
    expect(record.protectedPeople).toEqual([{ id: child.id, name: 'Jamie Morgan', initials: 'J.M.', role: 'CHILD' }]);
    expect(record.evidence.edges.map((e) => e.node.id)).toEqual([interview.evidence!.id, records.id]);
    expect(record.evidence.pageInfo.hasNextPage).toBe(true);
    const next = await api.gql(InspectionRecordDocument, {
      id: inspection.id,
      evidenceFirst: 2,
      evidenceAfter: record.evidence.pageInfo.endCursor,
    });
    const rest = next.data!.node!;
    if (rest.__typename !== 'Inspection') throw new Error('not an inspection');
    expect(rest.evidence.edges.map((e) => e.node.id)).toEqual([staffInterview.id]);
    expect(rest.evidence.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(record.requirements).toHaveLength(1);
    expect(record.recommendations).toHaveLength(1);
    expect(record.complianceNotices[0].actions.map((a) => a.completionDate)).toEqual(['2026-10-23', '2026-11-06']);

    // No narrative holds a name from the protected register.
    for (const edge of [...record.evidence.edges, ...rest.evidence.edges]) expect(edge.node.narrative).not.toContain('Jamie');

    // A change before the draft report needs its reason (CH-246) and keeps the proposal.
    const changeReason = 'Managers reviewed the missing-episode evidence after feedback';
    const changed = await proposeFull(api, inspection.id, {
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      helpedAndProtected: 'INADEQUATE',
      leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      changeReason,
    });
    expect(changed.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-155', field: ['input', 'overallExperiencesAndProgress'] })]);
    const fixed = await proposeFull(api, inspection.id, {
      overallExperiencesAndProgress: 'INADEQUATE',
      helpedAndProtected: 'INADEQUATE',
      leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      changeReason,
    });
    const history = fixed.inspection!.judgementHistory;
    expect(history.map((h) => [h.version, h.overallExperiencesAndProgress, h.changeReason])).toEqual([
      [1, 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', null],
      [2, 'INADEQUATE', 'Managers reviewed the missing-episode evidence after feedback'],
    ]);

    // The next visit is an interim inspection, judged relative to this one; it checks the requirement.
    const interim = await inspectionAtFeedback(api, home.id, { type: 'INTERIM_INSPECTION', start: '2026-11-16' });
    const checked = await checkRequirement(api, requirement.requirement!.id, interim.id, 'MET');
    expect(checked.requirement).toEqual({
      id: requirement.requirement!.id,
      status: 'MET',
      checkedAt: { id: interim.id },
    });
    const interimJudgement = await proposeInterim(api, interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(interimJudgement.userErrors).toEqual([]);
    expect(interimJudgement.inspection).toMatchObject({
      previousInspection: { id: inspection.id, type: 'FULL_INSPECTION', feedbackDate: '2026-10-07' },
      judgement: { kind: 'INTERIM', interimOutcome: 'IMPROVED_EFFECTIVENESS' },
    });

    const byProvider = await api.gql(ProviderInspectionsDocument, { urn: home.urn });
    expect(byProvider.data!.provider!.inspections.edges.map((e) => [e.node.type, e.node.judgement?.kind])).toEqual([
      ['FULL_INSPECTION', 'FULL_INSPECTION'],
      ['INTERIM_INSPECTION', 'INTERIM'],
    ]);
  });
});

describe('a full inspection of an adoption support agency, from notice to judgements', () => {
  test('ASA-043 ten working days of notice, evidence against the areas of required evidence, judgements', async () => {
    const agency = await registerProvider(api, {
      settingType: 'ADOPTION_SUPPORT_AGENCY',
      name: 'Bridges Adoption Support',
      places: null,
      localAuthority: 'E08000035', // Leeds
      registrationDate: '2022-06-01',
      registeredManager: { name: 'Helen Okoro', startDate: '2022-06-01' },
    });
    // Leeds is in Yorkshire and The Humber: the agency is inspected by staff of that region.
    const yorkshire = await api.managerOf('E12000003');
    // Notice on Monday 19 October 2026 for a start on Monday 2 November: exactly 10 working days.
    const scheduled = await scheduleInspection(yorkshire, agency.id, {
      scheduledStart: '2026-11-02',
      noticeGivenOn: '2026-10-19',
      linesOfEnquiry: [],
    });
    expect(scheduled.userErrors).toEqual([]);
    const inspection = scheduled.inspection!;
    expect(inspection.notice).toEqual({
      rule: 'WORKING_DAYS_NOTICE',
      ruleId: 'ASA-043',
      workingDays: 10,
      workingDaysGiven: 10,
      breach: false,
      explanation: "10 working days' notice given; 10 due",
    });

    await startInspection(yorkshire, inspection.id, '2026-11-02');
    const evidence = [];
    for (const [area, criterion, source, finding] of [
      ['OVERALL_EXPERIENCES_AND_PROGRESS', 'OEP.1', 'PARENTS_AND_CARERS', 'STRENGTH'],
      ['HELPED_AND_PROTECTED', 'HP.1', 'RECORDS_AND_DOCUMENTS', 'WEAKNESS'],
      ['HELPED_AND_PROTECTED', 'HP.4', 'OTHER_PROFESSIONALS', 'WEAKNESS'],
      ['LEADERS_AND_MANAGERS', 'LM.4', 'STAFF', 'WEAKNESS'],
    ] as const) {
      evidence.push(
        await recordEvidence(yorkshire, inspection.id, {
          judgementArea: area,
          evaluationCriterion: criterion,
          source,
          finding,
          narrative: `Evidence against ${criterion}.`,
          ...(source === 'RECORDS_AND_DOCUMENTS' ? {} : { interviewTime: '11:00', intervieweeRole: 'adoptive parent' }),
        }),
      );
    }
    // The agency's two on-site days spread over three (ASA-048): no reason needed.
    const completed = await finishFieldwork(yorkshire, inspection.id, { onSiteEnd: '2026-11-04', feedbackDate: '2026-11-04' });
    expect(completed.userErrors).toEqual([]);

    const proposed = await proposeFull(yorkshire, inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(proposed.userErrors).toEqual([]);

    // ASA-029: a requirement rests on more than one source of evidence.
    const requirement = await recordRequirement(yorkshire, inspection.id, [evidence[1].id, evidence[2].id], {
      regulation: 'Adoption Support Agencies (England) and Adoption Agencies (Miscellaneous Amendments) Regulations 2005, regulation 11',
      action: 'Assess and record risks for each family supported',
      dueDate: '2027-01-29',
      impactStatement: 'Risks to children are not consistently identified',
    });
    expect(requirement.userErrors).toEqual([]);
    // ASA-028: a recommendation cites the standard with a summary of it.
    const recommendation = await recordRecommendation(yorkshire, inspection.id, [evidence[3].id], {
      reference: 'Adoption support agencies national minimum standard 16.2',
      guidanceSummary: 'Staff receive supervision that supports their practice',
      action: 'Record supervision discussions',
    });
    expect(recommendation.userErrors).toEqual([]);

    const { data } = await yorkshire.gql(InspectionRecordDocument, { id: inspection.id, evidenceFirst: 10 });
    const record = data!.node!;
    if (record.__typename !== 'Inspection') throw new Error('not an inspection');
    expect(record).toMatchObject({
      status: 'FIELDWORK_COMPLETE',
      provider: { settingType: 'ADOPTION_SUPPORT_AGENCY' },
      judgement: { kind: 'FULL_INSPECTION', overallExperiencesAndProgress: 'GOOD', helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' },
    });
    expect(record.evidence.edges).toHaveLength(4);
    expect(record.requirements[0].evidence).toHaveLength(2);
    expect(record.recommendations[0].guidanceSummary).toBe('Staff receive supervision that supports their practice');
  });
});

describe('inspections: DataLoaders', () => {
  test('listing inspections with every relation runs the same number of statements for 3 or 12 inspections', async () => {
    const homes = await Promise.all(Array.from({ length: 4 }, (_, i) => registerProvider(api, { name: `Loader Home ${i}` })));
    for (const home of homes) {
      for (const day of ['2026-09-07', '2026-09-14', '2026-09-21']) {
        const inspection = await inspectionAtFeedback(api, home.id, { type: 'MONITORING_VISIT', start: day });
        await recordEvidence(api, inspection.id, {
          people: [{ name: 'Pat Doe', role: 'STAFF_MEMBER' }],
          identificationJustification: 'Further action',
        });
      }
    }
    const few = await api.statements(() => api.gql(InspectionsWithEverythingDocument, { first: 3 }));
    const many = await api.statements(() => api.gql(InspectionsWithEverythingDocument, { first: 12 }));
    expect(many.length).toBe(few.length);
    expect(few.length).toBeGreaterThanOrEqual(8);
  });

  test("listing settings with a page of each one's inspections runs one statement for all the pages", async () => {
    const listed = await api.gql(ProvidersWithInspectionsDocument, { first: 20 });
    const withInspections = listed.data!.providers.edges.filter((e) => e.node.inspections.edges.length > 0);
    expect(withInspections.length).toBeGreaterThanOrEqual(4);
    for (const edge of withInspections) {
      const dates = edge.node.inspections.edges.map((i) => i.node.scheduledStart);
      expect([...dates].sort()).toEqual(dates);
    }
    const loaderHomes = withInspections.filter((e) => e.node.inspections.pageInfo.hasNextPage);
    expect(loaderHomes.length).toBeGreaterThanOrEqual(4); // three monitoring visits each, two a page
    const two = await api.statements(() => api.gql(ProvidersWithInspectionsDocument, { first: 2 }));
    const twenty = await api.statements(() => api.gql(ProvidersWithInspectionsDocument, { first: 20 }));
    expect(twenty.length).toBe(two.length);
  });
});
