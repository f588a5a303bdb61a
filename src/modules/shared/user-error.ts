import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { UserErrorCode as DomainCode, Violation } from '../../domain/rule-violation';

export enum UserErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  RULE_VIOLATION = 'RULE_VIOLATION',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What kind of problem a user error is.',
  valuesConfig: {
    BAD_USER_INPUT: { description: 'A value is malformed or out of range (e.g. a URN in the wrong format).' },
    RULE_VIOLATION: { description: 'The request breaks a rule of the inspection framework; `ruleId` names it.' },
    NOT_FOUND: { description: 'Something the input refers to does not exist.' },
    CONFLICT: { description: 'The request conflicts with the current state (e.g. a URN already registered).' },
  },
});

@ObjectType({ description: "A problem with a mutation's input that the caller can fix. Nothing was changed." })
export class UserError {
  @Field(() => [String], { description: 'Path to the input field at fault, e.g. ["input", "urn"].' })
  field!: string[];

  @Field({ description: 'What is wrong, in words a user can act on.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of problem.' })
  code!: UserErrorCode;

  @Field(() => String, {
    nullable: true,
    description: 'For RULE_VIOLATION: the ID of the rule in the rule catalogue (e.g. "CHA-181").',
  })
  ruleId?: string | null;
}

export function toUserErrors(violations: readonly Violation[]): UserError[] {
  return violations.map((v) => ({
    field: ['input', ...v.field],
    message: v.message,
    code: v.code as DomainCode as UserErrorCode,
    ruleId: v.ruleId ?? null,
  }));
}
