/** The demo register's judgement feed: its publications' events, in the order they were published. */
import 'reflect-metadata';
import { seedFeed, seedSyntheticRegister } from '../../src/db/seed';
import { FeedEventType } from '../../src/domain/feed';
import { FeedEvent } from '../../src/modules/feeds/feed.entity';
import { PublishedReport } from '../../src/modules/public/published-report.entity';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database';

let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase();
  await seedSyntheticRegister(db.orm.em.fork(), { providers: 120, seed: 11 });
}, 60_000);
afterAll(() => db?.close());

test('every seeded publication is in the feed, report and judgements, in publication order', async () => {
  const written = await seedFeed(db.orm.em.fork());
  const reports = await db.orm.em.fork().find(PublishedReport, { current: true });
  expect(written).toBe(reports.length);
  expect(written).toBeGreaterThan(0);

  const events = await db.orm.em.fork().find(FeedEvent, {}, { orderBy: { position: 'asc' } });
  expect(events.every((e) => e.position !== null)).toBe(true);
  // Synthetic publications are full inspections with grades: a report event and a judgement event each.
  expect(events.filter((e) => e.type === FeedEventType.REPORT_PUBLISHED)).toHaveLength(reports.length);
  expect(events.filter((e) => e.type === FeedEventType.JUDGEMENT_PUBLISHED)).toHaveLength(reports.length);
  const days = events.map((e) => e.occurredOn);
  expect([...days].sort()).toEqual(days);
  const byUrn = new Map(reports.map((r) => [r.urn, r]));
  for (const event of events) {
    const report = byUrn.get(event.urn)!;
    expect(event).toEqual(
      expect.objectContaining({
        localAuthority: report.localAuthority,
        region: report.region,
        occurredOn: report.publishedOn,
        addressee: null,
      }),
    );
    expect((event.payload.report as { urn: string }).urn).toBe(event.urn);
  }
});
