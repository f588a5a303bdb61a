import { LocalAuthority } from '../modules/reference/local-authority.entity';
import { Region } from '../modules/reference/region.entity';
import { ManagerAppointment } from '../modules/providers/manager-appointment.entity';
import { Provider } from '../modules/providers/provider.entity';
import { RegisteredProvider } from '../modules/providers/registered-provider.entity';
import { Address } from '../modules/shared/address';
import { Evidence, ProtectedPerson } from '../modules/evidence/evidence.entity';
import { Inspection, LineOfEnquiry } from '../modules/inspections/inspection.entity';
import { CaseReview, NotificationTask } from '../modules/enforcement/enforcement.entity';
import { AuditEntry } from '../modules/auth/audit.entity';
import { FeedEvent } from '../modules/feeds/feed.entity';
import { WebhookDelivery, WebhookEndpoint } from '../modules/feeds/webhook.entity';
import { JudgementRecord } from '../modules/judgements/judgement.entity';
import { PublishedReport } from '../modules/public/published-report.entity';
import { Complaint, FactualAccuracyComment } from '../modules/reports/report.entity';
import { Regulation40Notification } from '../modules/regulation40/regulation40.entity';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from '../modules/requirements/requirement.entity';

/** Every entity, listed explicitly: no folder scanning, so the build and the tests see the same set. */
export const entities = [
  Region,
  LocalAuthority,
  RegisteredProvider,
  Provider,
  ManagerAppointment,
  Address,
  Inspection,
  LineOfEnquiry,
  ProtectedPerson,
  Evidence,
  JudgementRecord,
  Requirement,
  Recommendation,
  ComplianceNotice,
  ComplianceNoticeAction,
  FactualAccuracyComment,
  Complaint,
  CaseReview,
  NotificationTask,
  Regulation40Notification,
  PublishedReport,
  AuditEntry,
  FeedEvent,
  WebhookEndpoint,
  WebhookDelivery,
];
