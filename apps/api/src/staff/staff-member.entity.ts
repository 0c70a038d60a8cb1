import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../auth/role';

@Entity('staff_member')
export class StaffMemberEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('boolean') active!: boolean;
  @Column('timestamptz', { name: 'deactivated_at', nullable: true }) deactivatedAt!: Date | null;
  @Column('text', { name: 'deactivation_reason', nullable: true }) deactivationReason!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('integer') version!: number;
}
