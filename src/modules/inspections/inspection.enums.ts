import { registerEnumType } from 'type-graphql';
import { InspectionStatus, LineOfEnquirySource } from '../../domain/inspection-lifecycle';
import { InspectionType, NoticeRule } from '../../domain/inspection-types';
import { DeferralReason } from '../../domain/report-pipeline';

registerEnumType(InspectionType, {
  name: 'InspectionType',
  description: 'The kinds of inspection and visit.',
  valuesConfig: {
    FULL_INSPECTION: { description: 'A full inspection, graded on the four-point scale.' },
    INTERIM_INSPECTION: {
      description:
        "An interim inspection (children's homes and secure children's homes only): improved, sustained or declined in effectiveness.",
    },
    MONITORING_VISIT: {
      description: 'A monitoring visit: no grade, except a new judgement after an inadequate one where the guidance allows.',
    },
    ASSURANCE_VISIT: {
      description: "An assurance visit (secure children's homes): no grade; whether serious or widespread concerns were found.",
    },
  },
});

registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'Where an inspection stands.',
  valuesConfig: {
    SCHEDULED: { description: 'Planned; nobody is on site yet.' },
    ON_SITE: { description: 'Inspectors are on site gathering evidence.' },
    DEFERRED: { description: "Put off, for a reason the guidance allows, with the manager's agreement (CH-021, CH-023)." },
    FIELDWORK_COMPLETE: { description: 'Feedback has been given: the last day of the inspection, from which later deadlines count.' },
    INCOMPLETE: { description: 'Declared incomplete after a serious incident (Annex J): fieldwork resumes; findings may be revised.' },
    DRAFT_IN_QUALITY_ASSURANCE: { description: 'The draft report is with a manager for quality assurance.' },
    DRAFT_SENT_TO_PROVIDER: { description: 'The draft report is with the provider for factual accuracy comments (5 working days).' },
    PROVIDER_COMMENTS_RECEIVED: { description: "The provider's comments came back, or their window closed." },
    UNDER_COMPLAINT: { description: 'A formal complaint is open: the report waits for its answer.' },
    FINAL_REPORT_ISSUED: { description: 'The final report has gone to the provider.' },
    PUBLISHED: { description: 'The report is published.' },
    NOT_PUBLISHED: { description: 'Exceptionally, the report is not published; the reason and the decision-maker are recorded.' },
  },
});

registerEnumType(LineOfEnquirySource, {
  name: 'LineOfEnquirySource',
  description: 'Where a line of enquiry came from.',
  valuesConfig: {
    STATEMENT_OF_PURPOSE: { description: "The setting's statement of purpose (always a line of enquiry for children's homes, CH-040)." },
    CONCERN_OR_COMPLAINT: { description: 'A concern or complaint about the service.' },
    NOTIFICATION: { description: 'A notification of a serious event.' },
    MONITORING_REPORT: { description: "The provider's own monitoring reports (e.g. Regulation 44 and 45 reports)." },
    QUESTIONNAIRES: { description: 'Questionnaire responses, or their absence.' },
    PREVIOUS_INSPECTION: { description: 'Findings, requirements or recommendations of the previous inspection.' },
    OTHER: { description: 'Any other source, emerging during the inspection.' },
  },
});

registerEnumType(NoticeRule, {
  name: 'NoticeRule',
  description: 'The notice an inspection of this type gets at this kind of setting.',
  valuesConfig: {
    UNANNOUNCED: { description: "No notice: children's homes (CH-004) and residential family centres (RFC-047)." },
    USUALLY_UNANNOUNCED: { description: 'Usually unannounced; notice only for a recorded reason (monitoring visits).' },
    WORKING_DAYS_NOTICE: {
      description: 'Working days of notice before the first day on site: adoption support agencies, 10 or 20 (ASA-043).',
    },
    ANNOUNCED_ON_FIRST_DAY: { description: 'Announced by telephone on its first day and live at once (assurance visits, CA-058).' },
    NOT_SET: { description: 'The guidance held here sets no notice rule for this kind of setting.' },
  },
});

registerEnumType(DeferralReason, {
  name: 'DeferralReason',
  description: 'Why an inspection is deferred. Inspections are not normally deferred (CH-019).',
  valuesConfig: {
    SERIOUS_WEATHER: { description: 'Serious weather making access difficult or dangerous.' },
    SERIOUS_INCIDENT: { description: "A serious incident where an inspector's presence would harm children's safety or well-being." },
    RISK_TO_PEOPLE: { description: 'Going ahead would put people at risk in another way.' },
    EVIDENCE_SEVERELY_RESTRICTED: { description: 'The ability to gather secure evidence is severely restricted.' },
    KEY_STAFF_UNAVAILABLE: { description: 'Key staff absent or unavailable: never a reason to defer (CH-020).' },
    ACCOMMODATION_ISSUES: { description: 'Accommodation issues such as refurbishment: never a reason to defer (CH-020).' },
  },
});
