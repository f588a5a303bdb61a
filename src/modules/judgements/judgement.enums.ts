import { registerEnumType } from 'type-graphql';
import { Grade, InterimOutcome, JudgementKind, NoJudgementReason } from '../../domain/judgements';

export { JudgementKind };

registerEnumType(JudgementKind, {
  name: 'JudgementKind',
  description: 'What kind of outcome an inspection records.',
  valuesConfig: {
    FULL_INSPECTION: { description: 'Three judgements on the four-point scale.' },
    INTERIM: { description: 'Improved, sustained or declined in effectiveness, relative to the previous inspection.' },
    NO_JUDGEMENT: {
      description: 'An interim inspection of a home with no children placed: no judgement, a prescribed statement (Annex G).',
    },
    ASSURANCE_VISIT: { description: 'No grade: whether serious or widespread concerns were found.' },
    MONITORING_VISIT: { description: 'No grade, except a new overall judgement after an inadequate one where the guidance allows.' },
  },
});

registerEnumType(Grade, {
  name: 'Grade',
  description:
    'The four-point scale. The handbook for children\'s homes writes "requires improvement"; the SCCIF "requires improvement to be good".',
  valuesConfig: {
    OUTSTANDING: { description: 'Outstanding.' },
    GOOD: { description: 'Good.' },
    REQUIRES_IMPROVEMENT_TO_BE_GOOD: { description: 'Requires improvement to be good.' },
    INADEQUATE: { description: 'Inadequate.' },
  },
});

registerEnumType(InterimOutcome, {
  name: 'InterimOutcome',
  description: 'The interim judgement, relative to the previous inspection (CH-170).',
  valuesConfig: {
    IMPROVED_EFFECTIVENESS: { description: 'Improved effectiveness.' },
    SUSTAINED_EFFECTIVENESS: { description: 'Sustained effectiveness.' },
    DECLINED_IN_EFFECTIVENESS: { description: 'Declined in effectiveness.' },
  },
});

registerEnumType(NoJudgementReason, {
  name: 'NoJudgementReason',
  description: 'Why an interim inspection of a home with no children placed makes no judgement (Annex G).',
  valuesConfig: {
    NO_CHILDREN_SINCE_REGISTRATION: {
      description: 'No children accommodated since registration: the first inspection after it (CHA-116).',
    },
    CLOSED_NOT_TAKING_PLACEMENTS: { description: 'The home is closed and not taking placements (CHA-122).' },
  },
});
