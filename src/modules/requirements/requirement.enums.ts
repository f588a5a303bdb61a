import { registerEnumType } from 'type-graphql';
import { ComplianceNoticeGround, ItemStatus } from '../../domain/requirements';

registerEnumType(ItemStatus, {
  name: 'ItemStatus',
  description: 'Whether a requirement or recommendation has been met, as checked at a later visit.',
  valuesConfig: {
    OPEN: { description: 'Not yet checked.' },
    MET: { description: 'Met, as found at a later visit.' },
    NOT_MET: { description: 'Not met, as found at a later visit.' },
  },
});

registerEnumType(ComplianceNoticeGround, {
  name: 'ComplianceNoticeGround',
  description: 'Why a compliance notice was served after an inspection (CH-139).',
  valuesConfig: {
    PROMOTE_WELFARE_OR_RISK_OF_HARM: {
      description: "The most appropriate way to promote children's welfare, or children are at risk of harm or being harmed.",
    },
    FAILED_TO_MEET_A_REQUIREMENT: {
      description:
        'The provider failed to comply with a requirement made at an inspection, and a notice is the most appropriate way to deal with it.',
    },
  },
});
