import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { LocalDate } from '../../domain/local-date';
import type { Provider } from './provider.entity';

@Entity({ tableName: 'manager_appointment' })
@Check({ name: 'manager_appointment_dates', expression: 'end_date is null or end_date > start_date' })
// At most one registered manager in post at a time.
@Index({
  name: 'manager_appointment_one_in_post',
  expression: 'create unique index "manager_appointment_one_in_post" on "manager_appointment" ("provider_id") where "end_date" is null',
})
@ObjectType({
  description:
    "A registered manager's time in post at a setting: from the start date up to, not including, the end date. " +
    'Vacancies of the post are derived from these (Annex N counts vacancy weeks from them).',
})
export class ManagerAppointment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Provider', { ref: true })
  @Index()
  provider!: Ref<Provider>;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Name of the registered manager. Private: never published.' })
  name!: string;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'First day in post.' })
  startDate!: LocalDate;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'First day no longer in post; null while the manager is in post.',
  })
  endDate: LocalDate | null = null;
}
