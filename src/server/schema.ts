import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { ProviderConnectionResolver, ProviderResolver } from '../modules/providers/provider.resolver';
import { LocalAuthorityResolver, RegionResolver } from '../modules/reference/reference.resolver';
import { NodeResolver } from '../modules/shared/node.resolver';
import { unregisteredNodeTypes } from '../modules/shared/node-registry';
import { CaseReviewResolver, InspectionFollowUpResolver, NotificationTaskResolver } from '../modules/enforcement/enforcement.resolver';
import { EvidenceResolver, InspectionEvidenceResolver } from '../modules/evidence/evidence.resolver';
import { InspectionResolver, ProviderInspectionsResolver } from '../modules/inspections/inspection.resolver';
import { InspectionJudgementsResolver, JudgementResolver } from '../modules/judgements/judgement.resolver';
import { AuditResolver } from '../modules/auth/audit.resolver';
import { FeedResolver } from '../modules/feeds/feed.resolver';
import { WebhookResolver } from '../modules/feeds/webhook.resolver';
import { authChecker } from '../modules/auth/authorize';
import { annotateStringLimits } from './input-text';
import { PublicResolver } from '../modules/public/public.resolver';
import { Regulation40Resolver } from '../modules/regulation40/regulation40.resolver';
import { ReportResolver } from '../modules/reports/report.resolver';
import { ProviderDueResolver, SchedulingResolver } from '../modules/scheduling/scheduling.resolver';
import {
  ComplianceNoticeResolver,
  InspectionItemsResolver,
  RecommendationResolver,
  RequirementResolver,
} from '../modules/requirements/requirement.resolver';

export const resolvers = [
  NodeResolver,
  RegionResolver,
  LocalAuthorityResolver,
  ProviderResolver,
  ProviderConnectionResolver,
  InspectionResolver,
  ProviderInspectionsResolver,
  EvidenceResolver,
  InspectionEvidenceResolver,
  JudgementResolver,
  InspectionJudgementsResolver,
  RequirementResolver,
  RecommendationResolver,
  ComplianceNoticeResolver,
  InspectionItemsResolver,
  ReportResolver,
  InspectionFollowUpResolver,
  CaseReviewResolver,
  NotificationTaskResolver,
  Regulation40Resolver,
  SchedulingResolver,
  ProviderDueResolver,
  PublicResolver,
  AuditResolver,
  FeedResolver,
  WebhookResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolvers and types in src/modules. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    authChecker,
    emitSchemaFile: false,
  }).then((schema) => {
    schema.getQueryType()!.description =
      "Read the inspection records of children's social care in England: the register of providers, its reference data, and inspections with their evidence and judgements.";
    schema.getMutationType()!.description =
      'Record changes. Every mutation takes one `input` and returns a payload with `userErrors`; nothing is written when there are any.';
    annotateStringLimits(schema);
    // Every type implementing Node is reachable by node(id): its module registered how (`registerNode`).
    const unreachable = unregisteredNodeTypes(schema);
    if (unreachable.length > 0)
      throw new Error(`node(id) cannot fetch ${unreachable.join(', ')}: register each with registerNode in its module`);
    return schema;
  });
  return built;
}

/** The schema as committed in schema.graphql: sorted, so that the file diffs cleanly. */
export function printCommittedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
