import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcomeValue = 'SUCCEEDED' | 'REFUSED' | 'FAILED';

/** One staff action or refused attempt. Append-only: the database refuses UPDATE and DELETE. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_email', nullable: true }) actorEmail!: string | null;
  @Column('text') operation!: string;
  @Column('text', { name: 'operation_type' }) operationType!: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType!: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('jsonb', { name: 'input_summary', nullable: true }) inputSummary!: Record<string, unknown> | null;
  @Column('text') outcome!: AuditOutcomeValue;
  @Column('text', { name: 'error_code', nullable: true }) errorCode!: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
}
