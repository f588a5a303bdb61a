import { InspectionType } from '../../src/domain/inspection-types';
import { InspectionStatus } from '../../src/domain/inspection-lifecycle';
import { providerHasDraft, validateReportText, validateReportTextEditable, type ReportTexts } from '../../src/domain/report-pipeline';
import { SettingType } from '../../src/domain/setting-types';

const none: ReportTexts = { overall: null, helpedAndProtected: null, leadersAndManagers: null, summary: null, childFriendlySummary: null };
const all: ReportTexts = { overall: 'a', helpedAndProtected: 'b', leadersAndManagers: 'c', summary: 'd', childFriendlySummary: 'e' };
const ids = (type: InspectionType, settingType: SettingType, kind: string | null, texts: ReportTexts) =>
  validateReportText(type, settingType, kind, texts).map((v) => v.ruleId);

describe("the report's text before the draft goes out", () => {
  test("CHA-047 CH-231 a children's home full inspection needs its three judgement sections and the child-friendly summary", () => {
    expect(ids(InspectionType.FULL_INSPECTION, SettingType.CHILDRENS_HOME, 'FULL_INSPECTION', none)).toEqual([
      'CHA-047',
      'CHA-047',
      'CHA-047',
      'CH-231',
    ]);
    expect(ids(InspectionType.FULL_INSPECTION, SettingType.SECURE_CHILDRENS_HOME, 'FULL_INSPECTION', all)).toEqual([]);
    expect(
      ids(InspectionType.FULL_INSPECTION, SettingType.CHILDRENS_HOME, 'FULL_INSPECTION', { ...all, childFriendlySummary: '  ' }),
    ).toEqual(['CH-231']);
  });

  test('RFC-083 ASA-094 family centres and agencies need the three sections, not a child-friendly summary', () => {
    expect(ids(InspectionType.FULL_INSPECTION, SettingType.RESIDENTIAL_FAMILY_CENTRE, 'FULL_INSPECTION', none)).toEqual([
      'RFC-083',
      'RFC-083',
      'RFC-083',
    ]);
    expect(
      ids(InspectionType.FULL_INSPECTION, SettingType.ADOPTION_SUPPORT_AGENCY, 'FULL_INSPECTION', { ...all, childFriendlySummary: null }),
    ).toEqual([]);
  });

  test('CHA-058 an interim has one section; an interim with no judgement carries its prescribed statement instead', () => {
    expect(ids(InspectionType.INTERIM_INSPECTION, SettingType.CHILDRENS_HOME, 'INTERIM', none)).toEqual(['CHA-058']);
    expect(ids(InspectionType.INTERIM_INSPECTION, SettingType.CHILDRENS_HOME, 'NO_JUDGEMENT', none)).toEqual([]);
  });

  test('CH-216 RFC-105 ASA-122 a monitoring visit needs its summary', () => {
    expect(ids(InspectionType.MONITORING_VISIT, SettingType.CHILDRENS_HOME, 'MONITORING_VISIT', none)).toEqual(['CH-216']);
    expect(ids(InspectionType.MONITORING_VISIT, SettingType.RESIDENTIAL_FAMILY_CENTRE, 'MONITORING_VISIT', none)).toEqual(['RFC-105']);
    expect(ids(InspectionType.MONITORING_VISIT, SettingType.ADOPTION_SUPPORT_AGENCY, 'MONITORING_VISIT', none)).toEqual(['ASA-122']);
  });

  test('CA-072 CA-079 an assurance visit needs its narrative and a child-friendly summary', () => {
    expect(ids(InspectionType.ASSURANCE_VISIT, SettingType.SECURE_CHILDRENS_HOME, 'ASSURANCE_VISIT', none)).toEqual(['CA-072', 'CA-079']);
    expect(ids(InspectionType.ASSURANCE_VISIT, SettingType.SECURE_CHILDRENS_HOME, 'ASSURANCE_VISIT', all)).toEqual([]);
  });
});

describe('who may see and change the report text', () => {
  test('CH-166 the provider has the draft only from the moment it is sent', () => {
    expect(providerHasDraft(InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE)).toBe(false);
    expect(providerHasDraft(InspectionStatus.FIELDWORK_COMPLETE)).toBe(false);
    for (const status of [InspectionStatus.DRAFT_SENT_TO_PROVIDER, InspectionStatus.FINAL_REPORT_ISSUED, InspectionStatus.PUBLISHED]) {
      expect(providerHasDraft(status)).toBe(true);
    }
  });

  test('CH-166 the text is written after feedback, not while the provider has the draft; again for an amendment', () => {
    expect(validateReportTextEditable(InspectionStatus.ON_SITE).map((v) => v.ruleId)).toEqual(['CH-166']);
    expect(validateReportTextEditable(InspectionStatus.DRAFT_SENT_TO_PROVIDER).map((v) => v.ruleId)).toEqual(['CH-166']);
    expect(validateReportTextEditable(InspectionStatus.FIELDWORK_COMPLETE)).toEqual([]);
    expect(validateReportTextEditable(InspectionStatus.PROVIDER_COMMENTS_RECEIVED)).toEqual([]);
    expect(validateReportTextEditable(InspectionStatus.PUBLISHED)).toEqual([]);
  });
});
