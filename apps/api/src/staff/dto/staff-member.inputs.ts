import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PageArgs, SortOrder } from '../../common/paging';
import { Role } from '../../auth/role';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ROLES_MESSAGE = `roles must be one or more of ${Object.values(Role).join(', ')}, each once`;

@InputType()
export class CreateStaffMemberInput {
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address such as name@example.com' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name!: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: ROLES_MESSAGE })
  @ArrayUnique({ message: ROLES_MESSAGE })
  @IsEnum(Role, { each: true, message: ROLES_MESSAGE })
  roles!: Role[];

  /** Checked by the password policy in the service (length, spaces), which explains itself. */
  @Field()
  @IsString()
  initialPassword!: string;
}

@InputType()
export class UpdateStaffMemberInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: ROLES_MESSAGE })
  @ArrayUnique({ message: ROLES_MESSAGE })
  @IsEnum(Role, { each: true, message: ROLES_MESSAGE })
  roles?: Role[];

  @Field(() => Int, { description: 'The version you saw; if someone changed the record since, you get CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType()
export class StaffMemberFilter {
  @Field({ nullable: true, description: 'Matches name or e-mail.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const STAFF_SORT_FIELDS = ['name', 'email', 'createdAt', 'active'] as const;

@ArgsType()
export class StaffMembersArgs extends PageArgs {
  @Field(() => String, { defaultValue: 'name' })
  @IsIn(STAFF_SORT_FIELDS, { message: `sortField must be one of ${STAFF_SORT_FIELDS.join(', ')}` })
  sortField: (typeof STAFF_SORT_FIELDS)[number] = 'name';

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  @IsEnum(SortOrder)
  sortOrder: SortOrder = SortOrder.ASC;

  @Field(() => StaffMemberFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StaffMemberFilter)
  filter?: StaffMemberFilter;
}

@ArgsType()
export class StaffMemberIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a staff member id (a UUID)' })
  id!: string;
}

@ArgsType()
export class CreateStaffMemberArgs {
  @Field(() => CreateStaffMemberInput)
  @ValidateNested()
  @Type(() => CreateStaffMemberInput)
  input!: CreateStaffMemberInput;
}

@ArgsType()
export class UpdateStaffMemberArgs extends StaffMemberIdArgs {
  @Field(() => UpdateStaffMemberInput)
  @ValidateNested()
  @Type(() => UpdateStaffMemberInput)
  input!: UpdateStaffMemberInput;
}

@ArgsType()
export class DeactivateStaffMemberArgs extends StaffMemberIdArgs {
  @Field({ description: 'Why the account is closed; kept in its timeline.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be between 3 and 500 characters' })
  reason!: string;
}
