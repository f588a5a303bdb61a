import {
  FeedEventType,
  MAX_WEBHOOK_ENDPOINTS,
  carriesJudgements,
  feedAudience,
  notificationEventType,
  publicationEventTypes,
  retryDelayMs,
  validateWebhookSubscription,
  validateWebhookUrl,
} from '../../src/domain/feed';

describe('what a publication tells the feed', () => {
  test('a full inspection with grades: the report and its judgements', () => {
    expect(publicationEventTypes('FULL_INSPECTION', true)).toEqual([FeedEventType.REPORT_PUBLISHED, FeedEventType.JUDGEMENT_PUBLISHED]);
  });

  test('a monitoring visit: a monitoring visit event, with judgements only when it made a new one (CH-184)', () => {
    expect(publicationEventTypes('MONITORING_VISIT', false)).toEqual([FeedEventType.MONITORING_VISIT_PUBLISHED]);
    expect(publicationEventTypes('MONITORING_VISIT', true)).toEqual([
      FeedEventType.MONITORING_VISIT_PUBLISHED,
      FeedEventType.JUDGEMENT_PUBLISHED,
    ]);
  });

  test('judgements are a grade, an interim outcome, a new grade or an assurance finding (false included)', () => {
    expect(carriesJudgements({ overallExperiencesAndProgress: 'GOOD' })).toBe(true);
    expect(carriesJudgements({ interimOutcome: 'DECLINED_IN_EFFECTIVENESS' })).toBe(true);
    expect(carriesJudgements({ newOverallGrade: 'INADEQUATE' })).toBe(true);
    expect(carriesJudgements({ seriousOrWidespreadConcerns: false })).toBe(true);
    expect(
      carriesJudgements({
        overallExperiencesAndProgress: null,
        interimOutcome: null,
        newOverallGrade: null,
        seriousOrWidespreadConcerns: null,
      }),
    ).toBe(false);
  });

  test('CA-084 serious concerns and CHA-078 inadequate judgements are told as different notifications', () => {
    expect(notificationEventType(['SERIOUS_OR_WIDESPREAD_CONCERNS'])).toBe(FeedEventType.SERIOUS_CONCERNS_NOTIFICATION);
    expect(notificationEventType(['INADEQUATE_OVERALL'])).toBe(FeedEventType.INADEQUATE_JUDGEMENT_NOTIFICATION);
  });
});

describe('who reads notifications', () => {
  test('a local authority reading its own area gets the notifications addressed to it', () => {
    expect(feedAudience({ localAuthority: 'E08000035' }, { localAuthority: 'E08000035' })).toEqual({ addressee: 'E08000035' });
  });

  test('nobody else: another area, the public, a caller with no authority', () => {
    expect(feedAudience({ localAuthority: 'E08000035' }, { localAuthority: 'E08000003' })).toEqual({ addressee: null });
    expect(feedAudience({ localAuthority: 'E08000035' }, {})).toEqual({ addressee: null });
    expect(feedAudience({ localAuthority: null }, { localAuthority: 'E08000035' })).toEqual({ addressee: null });
  });
});

describe('webhooks', () => {
  test('retries back off exponentially from the base, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 30_000, 100_000))).toEqual([30_000, 60_000, 100_000, 100_000, 100_000]);
    expect(retryDelayMs(0, 50, 1_000)).toBe(50);
  });

  test.each([
    ['https://example.gov.uk/hook', false, []],
    ['http://127.0.0.1:8080/hook', true, []],
    ['http://localhost/hook', true, []],
    ['http://127.0.0.1:8080/hook', false, ['Loopback addresses are not accepted here']],
    ['http://example.gov.uk/hook', true, ['Use an https URL']],
    ['ftp://example.gov.uk/hook', true, ['Use an https URL']],
    ['https://a:b@example.gov.uk/hook', true, ['The URL may not carry credentials: verify the signature instead']],
    ['example.gov.uk/hook', true, ['Not an absolute URL']],
  ])('%s (loopback allowed: %s)', (url, allowLoopback, messages) => {
    expect(validateWebhookUrl(url, { allowLoopback }).map((v) => v.message)).toEqual(messages);
  });

  test('a subscription names at least one event type, and an authority keeps a bounded number of endpoints', () => {
    expect(
      validateWebhookSubscription({ url: 'https://x.gov.uk', eventTypes: [] }, 0, { allowLoopback: false }).map((v) => v.field),
    ).toEqual([['eventTypes']]);
    expect(
      validateWebhookSubscription({ url: 'https://x.gov.uk', eventTypes: ['REPORT_PUBLISHED'] }, MAX_WEBHOOK_ENDPOINTS, {
        allowLoopback: false,
      }).map((v) => v.code),
    ).toEqual(['CONFLICT']);
  });
});
