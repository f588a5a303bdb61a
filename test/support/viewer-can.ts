import type { ViewerCanDetailsFragment } from '../generated/graphql';

/** An action by the name of its field, without `viewerCan` (`PublishReport` is `viewerCanPublishReport`). */
export type ViewerCanAction = keyof ViewerCanDetailsFragment extends `viewerCan${infer A}` ? A : never;
export const VIEWER_CAN_ACTIONS: readonly ViewerCanAction[] = [
  'StartInspection',
  'CompleteFieldwork',
  'RecordJudgements',
  'WriteReportText',
  'DeferInspection',
  'RescheduleInspection',
  'DeclareInspectionIncomplete',
  'ResumeFieldwork',
  'SubmitDraftForQualityAssurance',
  'SendDraftReport',
  'SubmitFactualAccuracyComments',
  'CloseFactualAccuracyWindow',
  'LodgeComplaint',
  'AnswerComplaint',
  'IssueFinalReport',
  'PublishReport',
  'WithholdPublication',
];
