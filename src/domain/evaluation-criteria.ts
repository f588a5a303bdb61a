/**
 * The judgement areas and the evaluation criteria ("areas of required evidence") that evidence is
 * recorded against, per setting type. Children's homes: the consultation's grade descriptors for
 * "good" (C ¶28, ¶32, ¶36), the only criteria text in the guidance held here. Residential family
 * centres and adoption support agencies: the SCCIF's areas of required evidence, in its own words
 * (RFC-007, ASA-009). Other setting types have no criteria in the guidance held here.
 */
import { SettingType, byFamily } from './setting-types';

export enum JudgementArea {
  OVERALL_EXPERIENCES_AND_PROGRESS = 'OVERALL_EXPERIENCES_AND_PROGRESS',
  HELPED_AND_PROTECTED = 'HELPED_AND_PROTECTED',
  LEADERS_AND_MANAGERS = 'LEADERS_AND_MANAGERS',
}

export interface EvaluationCriterion {
  code: string;
  description: string;
}

const AREA_PREFIX: Record<JudgementArea, string> = {
  [JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS]: 'OEP',
  [JudgementArea.HELPED_AND_PROTECTED]: 'HP',
  [JudgementArea.LEADERS_AND_MANAGERS]: 'LM',
};

function criteria(area: JudgementArea, descriptions: string[], lettered: boolean): EvaluationCriterion[] {
  return descriptions.map((description, i) => ({
    code: `${AREA_PREFIX[area]}.${lettered ? String.fromCharCode(97 + i) : i + 1}`,
    description,
  }));
}

const CHILDRENS_HOMES: Record<JudgementArea, EvaluationCriterion[]> = {
  [JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS]: criteria(
    JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS,
    [
      'Trusting relationships with staff and stability of care',
      'Adults invest time in children every day',
      'Children participate in decisions about their lives and the home',
      'Children know how to complain and their complaints are acted on',
      'Education: children attend and progress (at least 25 hours of any alternative provision)',
      'Activities and participation in the community',
      'Developing skills for adulthood',
      'Health and well-being needs are met',
      'Access to specialist services',
      'Accredited therapeutic interventions (where offered)',
      'Progress of children using short breaks',
      'Welcomes, moves in and moves on are well planned',
      'Conflict is managed and boundaries are clear',
      'Dignity, respect and identity are promoted',
      "Children's well-being is at the centre of practice",
      'Contact with family and friends is promoted',
    ],
    true,
  ),
  [JudgementArea.HELPED_AND_PROTECTED]: criteria(
    JudgementArea.HELPED_AND_PROTECTED,
    [
      'A safe environment, including for children who go missing',
      'Each child has a trusted adult to talk to',
      'A coordinated response when children go missing',
      'An urgent-action plan for children who go missing often',
      'Known risks are managed (offending, substance misuse, self-harm, going missing, sexual exploitation)',
      'Planning for new arrivals takes account of risks',
      'Age-appropriate risk-taking is supported',
      'Positive behaviour support',
      'De-escalation first; restraint is used lawfully, recorded and reviewed',
      'Online risks are understood and managed',
      'Searches are lawful and proportionate',
      'Safe recruitment and vetting of staff',
      'Child protection concerns are shared with placing and host authorities',
      'Allegations against staff are handled properly',
      'The physical environment is safe',
      'Effective joint working with the police',
      'Links with the safeguarding partnership, the local authority and the designated officer',
    ],
    true,
  ),
  [JudgementArea.LEADERS_AND_MANAGERS]: criteria(
    JudgementArea.LEADERS_AND_MANAGERS,
    [
      'A permanent, suitably qualified registered manager',
      'Sufficient staffing and resources',
      'Effective relationships within the team',
      'Monitoring of the quality of care',
      "Monitoring of children's progress",
      'Relationships with placing authorities',
      'Regular, effective supervision',
      'Training and development of staff',
      'Succession planning',
      'Action on concerns and complaints',
      'A collaborative, reflective team',
      'Child-centred admissions',
      'Statement of purpose, environment and financial viability',
      "Children's case records",
      'Use of volunteers',
      'Notification of significant events',
      'Awareness of local risks',
      "Children's care plans",
      'Work with parents and social workers, including challenge',
      'Work with other agencies',
      'Short breaks: partnership with parents',
      'Links with the local community',
    ],
    true,
  ),
};

const RESIDENTIAL_FAMILY_CENTRES: Record<JudgementArea, EvaluationCriterion[]> = {
  [JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS]: criteria(
    JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS,
    [
      "the quality of individualised support provided and the influence and impact of the centre on children's and parents' experience of the monitoring and assessment process, and any progress they make in relation to their starting points",
      'the quality of relationships between staff, children and parents',
      "how well families' views are understood and taken into account, and how their rights and entitlements are met",
      "the quality of children's and parents' experiences on a day-to-day basis",
      'how well the centre supports transitions',
      "the quality of assessments of parental capacity to meet their children's needs and promote their welfare",
      "how well staff understand and use the centre's assessment framework and any model of attachment, and how this supports the assessment of parental capacity",
    ],
    false,
  ),
  [JudgementArea.HELPED_AND_PROTECTED]: criteria(
    JudgementArea.HELPED_AND_PROTECTED,
    [
      "how well the centre promotes and protects children's welfare throughout the assessment process",
      'how well risks are identified, understood and managed and whether the support provided helps parents to understand and minimise risk',
      "the provider's actions in response to children who may go missing or may be at risk of harm, including from exploitation, neglect, abuse, self-harm, bullying and radicalisation, and to children's parents who may go missing from the centre",
      'how well staff manage situations and behaviour and whether clear and consistent boundaries contribute to a feeling of well-being and security for children and parents',
      'whether safeguarding arrangements to protect children and parents meet all statutory and other government requirements',
    ],
    false,
  ),
  [JudgementArea.LEADERS_AND_MANAGERS]: criteria(
    JudgementArea.LEADERS_AND_MANAGERS,
    [
      'an ambitious vision and high standards of assessment, support and safety',
      'a clear understanding of the progress that families are making in respect of the support plan or assessment plan',
      'a supportive environment for all staff and volunteers through supervision, appraisal, induction and training',
      "leaders and managers know and understand the centre's strengths and weaknesses and take decisive and effective action",
      'whether the centre is achieving its stated aims and objectives',
      'the quality of professional relationships',
      'whether leaders and managers actively challenge when the responses from other services are not effective',
      'leaders and managers actively promote tolerance, equality and diversity',
      'a clear and deliverable contingency plan setting out how the provider will address staff vacancies, including any change of registered manager',
    ],
    false,
  ),
};

const ADOPTION_SUPPORT_AGENCIES: Record<JudgementArea, EvaluationCriterion[]> = {
  [JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS]: criteria(
    JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS,
    [
      'the quality of individualised support provided and the influence and impact of the provider on the progress and experiences of children and other service users',
      'the quality of relationships between professionals and children, other service users and key individuals',
      'how well the views of children and other service users are understood and taken into account',
    ],
    false,
  ),
  [JudgementArea.HELPED_AND_PROTECTED]: criteria(
    JudgementArea.HELPED_AND_PROTECTED,
    [
      'how well risks are identified, understood and managed and whether the support provided helps children and other service users to become increasingly safe',
      'how well carers are prepared and supported to respond to children who may go missing or may be at risk of harm, including from exploitation, neglect, abuse, self-harm, bullying and radicalisation',
      'how well carers are prepared and supported to manage situations and behaviour',
      'whether safeguarding arrangements to protect children meet all statutory and other government requirements, promote their welfare and prevent radicalisation and extremism',
    ],
    false,
  ),
  [JudgementArea.LEADERS_AND_MANAGERS]: criteria(
    JudgementArea.LEADERS_AND_MANAGERS,
    [
      'an ambitious vision, high expectations and high standards of adoption support',
      'how well leaders and managers prioritise the needs of children and other service users',
      'the extent to which children and other service users make progress from their starting points as a result of the adoption support they receive',
      'a supportive environment for staff through supervision, appraisal, induction and training',
      "leaders and managers know and understand the agency's strengths and weaknesses",
      'whether the agency is achieving its stated aims and objectives',
      'leaders and managers actively promote tolerance, equality and diversity',
    ],
    false,
  ),
};

/** The evaluation criteria for an area at a setting type; empty where the guidance held here has none. */
export function evaluationCriteria(settingType: SettingType, area: JudgementArea): EvaluationCriterion[] {
  const criteria = byFamily(settingType, { CHILDRENS_HOMES, RESIDENTIAL_FAMILY_CENTRES, ADOPTION_SUPPORT_AGENCIES, OTHER: null });
  return criteria ? criteria[area] : [];
}

/** The rule that ties evidence to the areas of required evidence, per setting type. */
export function criteriaRuleId(settingType: SettingType): string {
  return byFamily(settingType, { CHILDRENS_HOMES: 'CH-146', RESIDENTIAL_FAMILY_CENTRES: 'RFC-007', ADOPTION_SUPPORT_AGENCIES: 'ASA-009' });
}
