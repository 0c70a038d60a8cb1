import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineActorType, TimelineEventEntity } from './timeline-event.entity';

export interface TimelineActor {
  type: TimelineActorType;
  id?: string | null;
  name?: string | null;
}

export interface StateChange {
  entityType: string;
  entityId: string;
  actor: TimelineActor;
  fromState?: string | null;
  toState: string;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** Writes and reads entity timelines. Writers pass their transaction's manager so the event commits with the change. */
@Injectable()
export class TimelineService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, change: StateChange): Promise<void> {
    await manager.query(
      `INSERT INTO timeline_event (entity_type, entity_id, actor_type, actor_id, actor_name, from_state, to_state, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        change.entityType,
        change.entityId,
        change.actor.type,
        change.actor.id ?? null,
        change.actor.name ?? null,
        change.fromState ?? null,
        change.toState,
        change.reason ?? null,
        change.details ?? null,
      ],
    );
  }

  history(entityType: string, entityId: string): Promise<TimelineEventEntity[]> {
    return this.db.getRepository(TimelineEventEntity).find({
      where: { entityType, entityId },
      order: { id: 'ASC' },
    });
  }
}
