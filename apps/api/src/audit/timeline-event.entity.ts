import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TimelineActorType = 'STAFF' | 'CLIENT' | 'SYSTEM';

/**
 * One state change of an invoice, client, batch, case (or staff account): who, when, from,
 * to, why. Append-only, enforced by the database.
 */
@Entity('timeline_event')
export class TimelineEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('text', { name: 'entity_type' }) entityType!: string;
  @Column('uuid', { name: 'entity_id' }) entityId!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'actor_type' }) actorType!: TimelineActorType;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName!: string | null;
  @Column('text', { name: 'from_state', nullable: true }) fromState!: string | null;
  @Column('text', { name: 'to_state' }) toState!: string;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('jsonb', { nullable: true }) details!: Record<string, unknown> | null;
}
