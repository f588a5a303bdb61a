import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { Field, ID, InterfaceType } from 'type-graphql';

/** The Relay global object identification interface. */
@InterfaceType({ description: 'An object with a globally unique ID, which `node(id:)` can fetch again.' })
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID of this object.' })
  id!: string;
}

export type NodeTypeName =
  | 'Provider'
  | 'RegisteredProvider'
  | 'LocalAuthority'
  | 'Region'
  | 'Inspection'
  | 'Evidence'
  | 'ProtectedPerson'
  | 'Requirement'
  | 'Recommendation'
  | 'ComplianceNotice'
  | 'FactualAccuracyComment'
  | 'Complaint'
  | 'CaseReview'
  | 'NotificationTask'
  | 'Regulation40Notification'
  | 'WebhookEndpoint'
  | 'WebhookDelivery';

export function globalId(type: NodeTypeName, key: string): string {
  return toGlobalId(type, key);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** The row key inside a global ID of this type, or null when it is not one. */
export function idFromGlobal(id: string, type: NodeTypeName): string | null {
  const parsed = parseGlobalId(id);
  return parsed?.type === type && isUuid(parsed.key) ? parsed.key : null;
}

/** Every key inside our global IDs is a UUID or a code (ONS codes, URNs): letters, digits and hyphens. */
const KEY = /^[A-Za-z0-9-]{1,64}$/;

/** The type and key inside a global ID, or null when the text is not one of ours (a forged key never reaches a query). */
export function parseGlobalId(id: string): { type: string; key: string } | null {
  try {
    const { type, id: key } = fromGlobalId(id);
    if (!type || !key || !KEY.test(key)) return null;
    return { type, key };
  } catch {
    return null;
  }
}
