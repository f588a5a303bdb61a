import { registerEnumType } from 'type-graphql';
import {
  FollowUpAction,
  NotificationCategory,
  NotificationChannel,
  NotificationDeadline,
  NotificationRouting,
  NotificationStatus,
} from '../../domain/notifications';

registerEnumType(NotificationCategory, {
  name: 'Regulation40Category',
  description:
    'The category of a Regulation 40 notification, as the handbook names them (Annex L). The first four are always fast-tracked (CHA-153).',
  valuesConfig: {
    DEATH_OF_CHILD: { description: 'The death of a child accommodated in the home (CHA-157, CHA-158).' },
    SEXUAL_EXPLOITATION: { description: 'Involvement or suspected involvement of a child in sexual exploitation (CHA-159).' },
    CHILD_PROTECTION_ENQUIRY_INSTIGATED: { description: 'A child protection enquiry (section 47) instigated (CHA-178).' },
    CHILD_PROTECTION_ENQUIRY_OUTCOME: { description: 'The outcome of a child protection enquiry (CHA-178).' },
    SERIOUS_EVENT: { description: 'Any other serious event (CHA-149), including serious concerns about a child missing (Annex F).' },
  },
});

registerEnumType(NotificationChannel, {
  name: 'Regulation40Channel',
  description: 'How a notification arrived (CHA-151).',
  valuesConfig: {
    ONLINE: { description: 'Submitted online by the provider.' },
    PAPER: { description: 'On paper, uploaded by the regulator.' },
  },
});

registerEnumType(NotificationStatus, {
  name: 'Regulation40Status',
  description: 'Where a notification stands: received, triaged, followed up, closed.',
  valuesConfig: {
    RECEIVED: { description: 'Received, with its provisional category; not yet triaged.' },
    TRIAGED: { description: 'Category confirmed and routed by the manager (CHA-155).' },
    FOLLOWED_UP: { description: 'Assessed by the inspector, with what it found (CHA-166).' },
    CLOSED: { description: 'Closed, with everything CHA-169 asks recorded.' },
  },
});

registerEnumType(NotificationRouting, {
  name: 'Regulation40Routing',
  description: "The manager's routing of a notification (CHA-155).",
  valuesConfig: {
    URGENT_ACTION: { description: 'Risk of harm: an inspector named to take immediate action.' },
    MEMO_TO_ALLOCATED_INSPECTOR: { description: 'Reviewed by the allocated inspector at the next opportunity, informing planning.' },
  },
});

registerEnumType(FollowUpAction, {
  name: 'Regulation40Action',
  description: 'An action taken on a notification, recorded with its outcome for the audit trail (CHA-174).',
  valuesConfig: {
    CONFIRM_PARTIES_INFORMED: { description: 'Confirmed the provider informed all relevant parties of a death (CHA-157).' },
    ESTABLISH_AUTHORITY_AND_POLICE_ACTIONS: {
      description: 'Recorded the actions of the local authority, placing authority and police (CHA-158).',
    },
    HOLD_IMMEDIATE_REVIEW: { description: 'Held an immediate review with the senior inspector and managers (CHA-158).' },
    INFORM_SENIOR_HMI: { description: 'Informed the Senior HMI of the death of a looked after child (CHA-158).' },
    PREPARE_SERIOUS_INCIDENT_BRIEFING: { description: 'Prepared a serious incident briefing (CHA-158).' },
    CONTACT_PROVIDER: { description: 'Contacted the provider about the action taken (CHA-159, CHA-160).' },
    REFER_TO_MANAGER: { description: "Referred the provider's insufficient action to the manager (CHA-159)." },
    INFORM_RELEVANT_PARTIES: { description: 'Made sure the relevant parties were informed (CHA-161).' },
    FLAG_FOR_NEXT_INSPECTION: { description: "Flagged the home's inaction for the next inspection (CHA-161)." },
    NOTIFY_PLACING_AUTHORITY_DCS: { description: "Notified the placing authority's director of children's services (CHA-161)." },
    OPEN_COMPLIANCE_CASE: { description: 'Opened a compliance case for outstanding safeguarding concerns (CHA-162).' },
    REFER_CROSS_REMIT: { description: "Referred a concern about a local authority's practice under the cross-remit policy (CHA-164)." },
    CONTACT_HOME_FOR_CLARIFICATION: { description: 'Contacted the home about an incomplete or unclear notification (CHA-173).' },
    CHASE_CHILD_PROTECTION_OUTCOME: { description: "Contacted the home about a child protection enquiry's missing outcome (CHA-165)." },
    CONSIDER_EARLY_INSPECTION: { description: 'Considered bringing the inspection forward (CHA-163, CHA-171, CHA-172).' },
    TRIGGER_COMPLIANCE_CASE_REVIEW: { description: 'Triggered a compliance case review after a delayed notification (CHA-170).' },
    OTHER: { description: 'Any other action.' },
  },
});

registerEnumType(NotificationDeadline, {
  name: 'Regulation40Deadline',
  description: 'Which deadline of a notification has passed.',
  valuesConfig: {
    FAST_TRACK_ACTION: { description: 'A fast-tracked notification is actioned (triaged) on the day it is received (CHA-154).' },
    ASSESSMENT: { description: 'Every notification is assessed (followed up) within seven days of receipt (CHA-166).' },
  },
});
