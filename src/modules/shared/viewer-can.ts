import type { GraphQLResolveInfo } from 'graphql';
import {
  decideFieldAccess,
  mayActOnInspection,
  scopeDependsOnRegion,
  type InspectionAction,
  type InspectionScope,
} from '../../domain/access';
import type { Violation } from '../../domain/rule-violation';
import { fieldAccess } from '../auth';
import type { Inspection } from '../inspections';
import type { Context } from './context';

/*
 * The `viewerCan...` fields: whether the caller may use a mutation on an inspection now, so that a
 * frontend shows the action only where it would be let through. Each is the same three checks the
 * mutation makes before it looks at its input, in the same order:
 *  1. the mutation's permissions (its `@Allow`, read from the schema, so the two cannot drift);
 *  2. the caller's scope over the inspection for what the mutation does to it (READ, RECORD,
 *     DECIDE or RESPOND, `mayActOnInspection`);
 *  3. the inspection's state: the refusals the domain makes of the move from where the inspection
 *     stands (for the report pipeline, `validateMove`).
 * True means the mutation is refused neither FORBIDDEN nor for where the inspection stands; it
 * still checks its input (dates, reasons) and what the step needs of the records (the report's
 * text, a response to every comment, a comments window that has passed) when it runs.
 */

/** Who may do each kind of thing to an inspection (`mayActOnInspection`), in words for the descriptions. */
export const WHO_MAY: Readonly<Record<Exclude<InspectionAction, 'READ'>, string>> = {
  RECORD: 'an inspector assigned to it and the regulatory inspection managers of its region',
  DECIDE: 'the regulatory inspection managers of its region',
  RESPOND: 'its provider',
};

/** The violations a check makes of the inspection itself (`inspectionId`): where it stands, whatever the input. */
export function refusalsOfState(violations: readonly Violation[]): readonly Violation[] {
  return violations.filter((violation) => violation.field.length === 1 && violation.field[0] === 'inspectionId');
}

/** Who is assigned to an inspection and where its setting is, from this request's loaders. */
async function scopeOf(context: Context, inspection: Inspection, regionNeeded: boolean): Promise<InspectionScope> {
  const provider = (await context.loaders.providerById.load(inspection.provider.id))!;
  const localAuthority = provider.localAuthority.onsCode;
  const region = regionNeeded ? ((await context.loaders.localAuthorityByCode.load(localAuthority))?.region.code ?? '') : '';
  return {
    setting: { urn: provider.urn, localAuthority, region },
    leadInspector: inspection.leadInspector,
    teamInspectors: inspection.teamInspectors,
  };
}

/**
 * Whether the caller may use `mutation` on this inspection as far as authorisation and the
 * inspection's state go (see above). `refusals` gives what the domain refuses of the inspection's
 * state for this mutation; it runs only for a caller who is let in.
 */
export async function viewerCan(
  context: Context,
  info: GraphQLResolveInfo,
  inspection: Inspection,
  mutation: string,
  action: InspectionAction,
  refusals: () => readonly Violation[] | Promise<readonly Violation[]>,
): Promise<boolean> {
  const { principal } = context;
  if (!principal) return false;
  const field = info.schema.getMutationType()?.getFields()[mutation];
  if (!field) throw new Error(`viewerCan: there is no mutation ${mutation}`);
  if (decideFieldAccess(principal, fieldAccess(field)) !== 'ALLOW') return false;
  if (!mayActOnInspection(principal, await scopeOf(context, inspection, scopeDependsOnRegion(principal)), action)) return false;
  return (await refusals()).length === 0;
}

/** The description of a `viewerCan...` field: the mutation (its name, or words naming it), who may use it, and from which states. */
export function viewerCanDescription(mutation: string, who: string, when: string): string {
  const named = /^\w+$/.test(mutation) ? `\`${mutation}\`` : mutation;
  return (
    `Whether the caller may use ${named} on this inspection now: true for ${who}, ${when}. ` +
    "Computed from the caller's role and scope and from where the inspection stands, as the mutation checks them first: where false, the mutation " +
    'is refused (FORBIDDEN, or a user error on `inspectionId` naming the rule); where true, it still checks the rest when it runs: its input, and ' +
    'what the step needs of the records (the report text written, a response to every comment, the comments window passed).'
  );
}
