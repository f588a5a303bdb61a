import { registerEnumType } from 'type-graphql';
import { ProviderStatus, RegisteredProviderKind } from '../../domain/provider-register';
import { SETTING_TYPES, SettingType } from '../../domain/setting-types';

registerEnumType(SettingType, {
  name: 'SettingType',
  description: 'The kinds of setting Ofsted registers and inspects under the social care common inspection framework.',
  valuesConfig: Object.fromEntries(
    Object.values(SettingType).map((type) => [type, { description: SETTING_TYPES[type].label + '.' }]),
  ) as Record<SettingType, { description: string }>,
});

registerEnumType(ProviderStatus, {
  name: 'ProviderStatus',
  description: "Where a setting's registration stands.",
  valuesConfig: {
    REGISTERED: { description: 'Registered and able to operate.' },
    SUSPENDED: { description: 'Registration suspended by Ofsted (enforcement); the setting may not operate.' },
    CLOSED: { description: 'The provider closed the setting (resigned its registration).' },
    CANCELLED: { description: 'Ofsted cancelled the registration (enforcement).' },
  },
});

registerEnumType(RegisteredProviderKind, {
  name: 'RegisteredProviderKind',
  description: 'Whether a registered provider is an organisation or an individual.',
  valuesConfig: {
    ORGANISATION: {
      description: 'A company, charity, partnership or public body; it must name a responsible individual (CHA-181).',
    },
    INDIVIDUAL: { description: 'An individual registered provider, accountable in person.' },
  },
});
