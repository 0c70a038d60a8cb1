import { Inject, Injectable } from '@nestjs/common';
import { Clock, ConflictError, InvalidValueError, NotFoundError } from '@factoring/domain';
import { validateCollectionRoutine } from '@factoring/rules';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { TimelineService } from '../audit/timeline.service';
import { StaffPrincipal } from '../auth/principal';
import { CLIENT } from '../clients/client-lifecycle';
import { CLOCK } from './clock';
import { CollectionError } from './collection-errors';
import { CollectionRoutineType, SetCollectionRoutineInput } from './dto/routine.types';

const ROUTINE_CODE = {
  ROUTINE_DAYS_INVALID: CollectionError.COLLECTION_ROUTINE_DAYS_INVALID,
  ROUTINE_ORDER: CollectionError.COLLECTION_ROUTINE_ORDER,
  ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING: CollectionError.COLLECTION_ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING,
} as const;

const COLUMNS = `client_id AS "clientId", country, (client_id IS NULL) AS "isDefault", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
  first_reminder_days AS "firstReminderDays", second_step_days AS "secondStepDays", collection_days AS "collectionDays",
  min_days_between_steps AS "minDaysBetweenSteps", grace_bank_days AS "graceBankDays", source`;

/**
 * A client's collection routine (issue 15 s.2, seed 003: "the client decides payment terms and
 * routines"), within the law: staff record the client's choice as a new dated version (the table
 * is append-only), from today or later; the factor's default applies where the client has none.
 */
@Injectable()
export class RoutinesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly timeline: TimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The routine in force today for the client in the country (its own, else the default). */
  async inForce(clientId: string, country: 'SE' | 'NO'): Promise<CollectionRoutineType> {
    const [row] = await this.db.query(
      `SELECT ${COLUMNS} FROM collection_routine WHERE country = $2 AND (client_id = $1 OR client_id IS NULL) AND valid_from <= $3::date
        ORDER BY (client_id IS NOT NULL) DESC, valid_from DESC LIMIT 1`,
      [clientId, country, this.clock.today(country).toString()],
    );
    return row;
  }

  async set(input: SetCollectionRoutineInput, by: StaffPrincipal): Promise<CollectionRoutineType> {
    const routine = {
      firstReminderDays: input.firstReminderDays,
      secondStepDays: input.secondStepDays,
      collectionDays: input.collectionDays,
      minDaysBetweenSteps: input.minDaysBetweenSteps,
    };
    const [problem] = validateCollectionRoutine(routine, input.country);
    if (problem) throw new InvalidValueError(ROUTINE_CODE[problem.code], problem.message.en, `input.${problem.field}`);
    if (!Number.isInteger(input.graceBankDays) || input.graceBankDays < 0 || input.graceBankDays > 10) {
      throw new InvalidValueError(CollectionError.COLLECTION_ROUTINE_GRACE_INVALID, `The grace is 0 to 10 bank days, not ${input.graceBankDays}.`, 'input.graceBankDays');
    }
    const today = this.clock.today(input.country).toString();
    if (input.validFrom < today) {
      throw new InvalidValueError(CollectionError.COLLECTION_ROUTINE_VALID_FROM_PAST, `A routine starts today (${today}) or later, never in the past.`, 'input.validFrom', { today });
    }
    await this.uow.transaction(async (tx) => {
      const [client] = await tx.query(`SELECT id, state FROM client WHERE id = $1 FOR SHARE`, [input.clientId]);
      if (!client) throw new NotFoundError(CollectionError.COLLECTION_ROUTINE_CLIENT_NOT_FOUND, `No client has the id ${input.clientId}.`);
      const [row] = await tx.query(
        `INSERT INTO collection_routine (country, client_id, valid_from, first_reminder_days, second_step_days, collection_days, min_days_between_steps, grace_bank_days, source, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (client_id, country, valid_from) WHERE client_id IS NOT NULL DO NOTHING RETURNING id`,
        [input.country, input.clientId, input.validFrom, routine.firstReminderDays, routine.secondStepDays, routine.collectionDays, routine.minDaysBetweenSteps, input.graceBankDays, input.source, by.id],
      );
      if (!row) {
        throw new ConflictError(CollectionError.COLLECTION_ROUTINE_VERSION_EXISTS, `The client already has a routine in ${input.country} from ${input.validFrom}: choose another day.`, { validFrom: input.validFrom });
      }
      await this.timeline.record(tx, {
        entityType: CLIENT,
        entityId: input.clientId,
        actor: { type: 'STAFF', id: by.id, name: by.name },
        fromState: client.state,
        toState: client.state,
        reason: `Collection routine from ${input.validFrom}: reminder after ${routine.firstReminderDays} days, second step ${routine.secondStepDays}, collection ${routine.collectionDays}`,
        details: { step: 'COLLECTION_ROUTINE_SET', typed: input.source, validFrom: input.validFrom, ...routine, graceBankDays: input.graceBankDays },
      });
      // The audit row's target: the client.
      return input.clientId;
    });
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM collection_routine WHERE client_id = $1 AND country = $2 AND valid_from = $3`, [input.clientId, input.country, input.validFrom]);
    return row;
  }
}
