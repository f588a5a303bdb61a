/**
 * The regulation40 module's public face: notifications of serious events from children's homes
 * (Regulation 40; Annex L of the handbook) and the regulator's handling of them.
 */
export { Regulation40Notification } from './regulation40.entity';
export type { Regulation40Service } from './regulation40.service';
