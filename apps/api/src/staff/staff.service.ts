import { UnitOfWork } from '../audit/unit-of-work';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { assertAcceptablePassword, hashPassword } from '../auth/password';
import { StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { SortOrder } from '../common/paging';
import { CreateStaffMemberInput, StaffMembersArgs, UpdateStaffMemberInput } from './dto/staff-member.inputs';
import { StaffMemberEntity } from './staff-member.entity';
import { alreadyInState, cannotDeactivateSelf, emailTaken, lastAdmin, staffNotFound, staleVersion } from './staff.errors';

export const STAFF_ENTITY_TYPE = 'STAFF_MEMBER';

const SORT_COLUMNS: Record<StaffMembersArgs['sortField'], string> = {
  name: 's.name',
  email: 's.email',
  createdAt: 's.createdAt',
  active: 's.active',
};

/** Admins create staff, change their roles and close their accounts; every change goes into the staff member's timeline. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly timeline: TimelineService,
    private readonly uow: UnitOfWork,
  ) {}

  async list(args: StaffMembersArgs): Promise<{ items: StaffMemberEntity[]; total: number }> {
    const query = this.db.getRepository(StaffMemberEntity).createQueryBuilder('s');
    const { q, role, active } = args.filter ?? {};
    if (q) query.andWhere('(s.name ILIKE :q OR s.email ILIKE :q)', { q: `%${escapeLike(q)}%` });
    if (role) query.andWhere(':role = ANY(s.roles)', { role });
    if (active !== undefined) query.andWhere('s.active = :active', { active });
    const [items, total] = await query
      .orderBy(SORT_COLUMNS[args.sortField], args.sortOrder === SortOrder.DESC ? 'DESC' : 'ASC')
      .addOrderBy('s.id')
      .skip(args.page * args.perPage)
      .take(args.perPage)
      .getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<StaffMemberEntity> {
    const staff = await this.db.getRepository(StaffMemberEntity).findOneBy({ id });
    if (!staff) throw staffNotFound(id);
    return staff;
  }

  async create(input: CreateStaffMemberInput, by: StaffPrincipal): Promise<StaffMemberEntity> {
    assertAcceptablePassword(input.initialPassword, 'input.initialPassword');
    const passwordHash = await hashPassword(input.initialPassword);
    return this.uow.transaction(async (tx) => {
      const rows: StaffMemberEntity[] = await tx.query(
        `INSERT INTO staff_member (email, name, roles, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [input.email, input.name, input.roles, passwordHash],
      );
      if (rows.length === 0) throw emailTaken(input.email);
      await this.timeline.record(tx, {
        entityType: STAFF_ENTITY_TYPE,
        entityId: rows[0].id,
        actor: actorOf(by),
        toState: 'ACTIVE',
        reason: 'Account created',
        details: { step: 'ACCOUNT_CREATED', roles: input.roles },
      });
      return tx.getRepository(StaffMemberEntity).findOneByOrFail({ id: rows[0].id });
    });
  }

  /** Optimistic: the change applies only to the version the admin saw; otherwise CONFLICT. */
  async update(id: string, input: UpdateStaffMemberInput, by: StaffPrincipal): Promise<StaffMemberEntity> {
    return this.uow.transaction(async (tx) => {
      const current = await this.lockedOrFail(tx, id);
      if (current.version !== input.expectedVersion) throw staleVersion(input.expectedVersion, current.version);
      const roles = input.roles ?? current.roles;
      if (current.active && current.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) {
        await this.assertAnotherActiveAdmin(tx, id);
      }
      await tx.query(
        `UPDATE staff_member SET name = $2, roles = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, input.name ?? current.name, roles],
      );
      if (!sameRoles(roles, current.roles)) {
        await this.timeline.record(tx, {
          entityType: STAFF_ENTITY_TYPE,
          entityId: id,
          actor: actorOf(by),
          fromState: current.active ? 'ACTIVE' : 'DEACTIVATED',
          toState: current.active ? 'ACTIVE' : 'DEACTIVATED',
          reason: 'Roles changed',
          details: { step: 'ROLES_CHANGED', roles: { from: current.roles, to: roles } },
        });
      }
      return tx.getRepository(StaffMemberEntity).findOneByOrFail({ id });
    });
  }

  /** Closes the account; its sessions end at once, so its tokens stop working. */
  async deactivate(id: string, reason: string, by: StaffPrincipal): Promise<StaffMemberEntity> {
    if (id === by.id) throw cannotDeactivateSelf();
    return this.uow.transaction(async (tx) => {
      const current = await this.lockedOrFail(tx, id);
      if (!current.active) throw alreadyInState(false);
      if (current.roles.includes(Role.ADMIN)) await this.assertAnotherActiveAdmin(tx, id);
      await tx.query(
        `UPDATE staff_member SET active = false, deactivated_at = now(), deactivation_reason = $2,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, reason],
      );
      await tx.query(`UPDATE staff_session SET revoked_at = now() WHERE staff_id = $1 AND revoked_at IS NULL`, [id]);
      await this.timeline.record(tx, {
        entityType: STAFF_ENTITY_TYPE,
        entityId: id,
        actor: actorOf(by),
        fromState: 'ACTIVE',
        toState: 'DEACTIVATED',
        reason,
        details: { step: 'ACCOUNT_DEACTIVATED', typed: reason },
      });
      return tx.getRepository(StaffMemberEntity).findOneByOrFail({ id });
    });
  }

  async reactivate(id: string, by: StaffPrincipal): Promise<StaffMemberEntity> {
    return this.uow.transaction(async (tx) => {
      const current = await this.lockedOrFail(tx, id);
      if (current.active) throw alreadyInState(true);
      await tx.query(
        `UPDATE staff_member SET active = true, deactivated_at = NULL, deactivation_reason = NULL,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.timeline.record(tx, {
        entityType: STAFF_ENTITY_TYPE,
        entityId: id,
        actor: actorOf(by),
        fromState: 'DEACTIVATED',
        toState: 'ACTIVE',
        reason: 'Account reactivated',
        details: { step: 'ACCOUNT_REACTIVATED' },
      });
      return tx.getRepository(StaffMemberEntity).findOneByOrFail({ id });
    });
  }

  /** Row lock so two admins acting on one account at once are serialised: the second sees the first's result. */
  private async lockedOrFail(tx: EntityManager, id: string): Promise<StaffMemberEntity> {
    const staff = await tx
      .getRepository(StaffMemberEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
    if (!staff) throw staffNotFound(id);
    return staff;
  }

  private async assertAnotherActiveAdmin(tx: EntityManager, exceptId: string): Promise<void> {
    // Lock the admins' rows so two concurrent demotions cannot each see the other as "the remaining admin".
    const others: unknown[] = await tx.query(
      `SELECT id FROM staff_member WHERE active AND 'ADMIN' = ANY(roles) AND id <> $1 FOR UPDATE`,
      [exceptId],
    );
    if (others.length === 0) throw lastAdmin();
  }
}

function actorOf(staff: StaffPrincipal) {
  return { type: 'STAFF' as const, id: staff.id, name: staff.name };
}

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
