import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import {
  CreateStaffMemberArgs,
  DeactivateStaffMemberArgs,
  StaffMemberIdArgs,
  StaffMembersArgs,
  UpdateStaffMemberArgs,
} from './dto/staff-member.inputs';
import { StaffMemberPageType, StaffMemberType } from './dto/staff-member.type';
import { StaffService } from './staff.service';

@Resolver(() => StaffMemberType)
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

  @Query(() => StaffMemberPageType, { description: '0-based pages of staff members.' })
  @AllowRoles(Role.ADMIN)
  staffMembers(@Args() args: StaffMembersArgs) {
    return this.staff.list(args);
  }

  @Query(() => StaffMemberType)
  @AllowRoles(Role.ADMIN)
  staffMember(@Args() { id }: StaffMemberIdArgs) {
    return this.staff.get(id);
  }

  @Mutation(() => StaffMemberType)
  @AllowRoles(Role.ADMIN)
  @AuditTarget('STAFF_MEMBER')
  createStaffMember(@Args() { input }: CreateStaffMemberArgs, @CurrentStaff() by: StaffPrincipal) {
    return this.staff.create(input, by);
  }

  @Mutation(() => StaffMemberType)
  @AllowRoles(Role.ADMIN)
  @AuditTarget('STAFF_MEMBER')
  updateStaffMember(@Args() { id, input }: UpdateStaffMemberArgs, @CurrentStaff() by: StaffPrincipal) {
    return this.staff.update(id, input, by);
  }

  @Mutation(() => StaffMemberType)
  @AllowRoles(Role.ADMIN)
  @AuditTarget('STAFF_MEMBER')
  deactivateStaffMember(@Args() { id, reason }: DeactivateStaffMemberArgs, @CurrentStaff() by: StaffPrincipal) {
    return this.staff.deactivate(id, reason, by);
  }

  @Mutation(() => StaffMemberType)
  @AllowRoles(Role.ADMIN)
  @AuditTarget('STAFF_MEMBER')
  reactivateStaffMember(@Args() { id }: StaffMemberIdArgs, @CurrentStaff() by: StaffPrincipal) {
    return this.staff.reactivate(id, by);
  }
}
