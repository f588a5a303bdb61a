import { registerEnumType } from 'type-graphql';
import { JudgementArea } from '../../domain/evaluation-criteria';
import { EvidenceSource, Finding, PersonRole } from '../../domain/evidence';

registerEnumType(EvidenceSource, {
  name: 'EvidenceSource',
  description: 'Where a piece of evidence came from (CH-144).',
  valuesConfig: {
    CHILDREN: { description: 'Talking with children and young people.' },
    PARENTS_AND_CARERS: { description: 'Talking with parents, carers or family members.' },
    STAFF: { description: 'Talking with staff.' },
    MANAGERS: { description: 'Talking with the registered manager, responsible individual or other managers.' },
    OTHER_PROFESSIONALS: { description: 'Social workers, independent reviewing officers, teachers, police and other professionals.' },
    OBSERVATION: { description: "The inspector's own observation." },
    RECORDS_AND_DOCUMENTS: { description: 'Records, policies and other documents.' },
    QUESTIONNAIRES: { description: 'Questionnaire responses.' },
  },
});

registerEnumType(JudgementArea, {
  name: 'JudgementArea',
  description: 'The three judgement areas (at assurance visits, the three matching focus areas).',
  valuesConfig: {
    OVERALL_EXPERIENCES_AND_PROGRESS: {
      description: 'The overall experiences and progress of children (and parents or adults, by setting).',
    },
    HELPED_AND_PROTECTED: { description: 'How well children are helped and protected: the limiting judgement.' },
    LEADERS_AND_MANAGERS: { description: 'The effectiveness of leaders and managers: a graded judgement.' },
  },
});

registerEnumType(Finding, {
  name: 'Finding',
  description: 'Whether evidence shows a strength or a weakness.',
  valuesConfig: {
    STRENGTH: { description: 'A strength.' },
    WEAKNESS: { description: 'A weakness; requirements and recommendations link to these.' },
  },
});

registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: "A named person's relation to the setting.",
  valuesConfig: {
    CHILD: { description: 'A child or young person.' },
    FAMILY_MEMBER: { description: 'A parent or other family member.' },
    STAFF_MEMBER: { description: 'A member of staff.' },
    OTHER: { description: 'Anyone else.' },
  },
});
