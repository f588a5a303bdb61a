/**
 * Issue 16: CH-179's return after an inadequate judgement, counted from the publication of the
 * report on a server configured so (RETURN_VISIT_ANCHOR=PUBLICATION); test/api/scheduling.test.ts
 * has the default, the end of the inspection.
 */
import { ReturnVisitAnchor } from '../../src/domain/scheduling';
import { ProviderDueDocument } from '../generated/graphql';
import { useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback } from '../support/inspections';
import { INADEQUATE, proposeFull } from '../support/judgements';
import { FULL_DAYS, publish } from '../support/reports';

const api = useTestApp({ scheduling: { returnVisitAnchor: ReturnVisitAnchor.PUBLICATION } });

async function returnVisitOf(urn: string) {
  const { data } = await api.gql(ProviderDueDocument, { urn });
  return data!.provider!.inspectionsDue.find((due) => due.ruleId === 'CH-179');
}

test('CH-179 counted from publication: from the end of the inspection until the report is published, then from the day it is', async () => {
  const home = await registerProvider(api);
  const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-09-08' });
  await proposeFull(api, inspection.id, INADEQUATE);
  const before = await returnVisitOf(home.urn);
  expect(before).toMatchObject({ kind: 'INSPECTION_ACTIVITY', earliest: '2026-10-20', latest: '2026-11-03' });
  expect(before!.reason).toContain('until the report is published');

  await publish(api, inspection.id, FULL_DAYS);
  const after = await returnVisitOf(home.urn);
  // Published on 23 September 2026: six weeks later is 4 November, eight weeks 18 November.
  expect(after).toMatchObject({ kind: 'INSPECTION_ACTIVITY', earliest: '2026-11-04', latest: '2026-11-18' });
  expect(after!.reason).toContain('publication, 2026-09-23');
});
