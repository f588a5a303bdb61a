/**
 * The feeds module's public face: the events other modules write into the judgement feed, each
 * in the transaction of the change it describes (the outbox), and the feed's event rows.
 */
export { FeedEvent, type FeedPayload } from './feed.entity';
export { PublicReportWithdrawal } from './feed.types';
export { complianceNoticeServed, notificationsMade, reportAmended, reportPublished, reportWithdrawn, settingChanged } from './feed-events';
export type { FeedService } from './feed.service';
export type { WebhookService } from './webhook.service';
