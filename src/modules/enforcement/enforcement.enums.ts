import { registerEnumType } from 'type-graphql';
import { CaseReviewTrigger, EnforcementOption, NotificationRecipient } from '../../domain/case-reviews';

registerEnumType(CaseReviewTrigger, {
  name: 'CaseReviewTrigger',
  description: 'What opened a case review.',
  valuesConfig: {
    INADEQUATE_OVERALL: { description: 'An inadequate overall judgement (CH-175, RFC-079, ASA-107).' },
    INTERIM_DECLINE_WITH_SERIOUS_CONCERNS: { description: 'An interim decline that suggests serious concerns (CHA-064).' },
    SERIOUS_OR_WIDESPREAD_CONCERNS: { description: 'Serious or widespread concerns at an assurance visit (CA-082).' },
    LONG_MANAGER_VACANCY: { description: "A registered manager vacancy of 26 weeks or more at a children's home (CHA-194)." },
  },
});

registerEnumType(EnforcementOption, {
  name: 'EnforcementOption',
  description: 'The options a case review considers.',
  valuesConfig: {
    NO_ENFORCEMENT_ACTION: { description: 'No enforcement action.' },
    MONITORING_VISITS: { description: 'Monitoring visits.' },
    BRING_INSPECTION_FORWARD: { description: 'Bringing the next inspection forward.' },
    COMPLIANCE_NOTICE: { description: 'A compliance notice.' },
    IMPOSE_CONDITIONS: { description: 'Imposing conditions on the registration.' },
    RESTRICTION_OF_ACCOMMODATION: { description: 'A restriction of accommodation notice.' },
    SUSPENSION: { description: 'Suspending the registration.' },
    NOTICE_OF_PROPOSAL_TO_CANCEL: { description: 'A notice of proposal to cancel the registration.' },
    PROSECUTION: { description: 'Prosecution.' },
  },
});

registerEnumType(NotificationRecipient, {
  name: 'NotificationRecipient',
  description: 'Who a notification goes to.',
  valuesConfig: {
    PLACING_AUTHORITY_DCS: { description: "The director of children's services of an authority that placed children at the setting." },
    HOST_AUTHORITY_DCS: { description: "The director of children's services of the authority the setting is in." },
    DEPARTMENT_FOR_EDUCATION: { description: "The Department for Education (secure children's homes)." },
  },
});
