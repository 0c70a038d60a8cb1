import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { StaffMemberType } from '../../staff/dto/staff-member.type';

@ArgsType()
export class SignInArgs {
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address such as name@example.com' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'password must be between 1 and 200 characters' })
  password!: string;
}

@ArgsType()
export class ChangeMyPasswordArgs {
  @Field()
  @IsString()
  @Length(1, 200, { message: 'currentPassword must be between 1 and 200 characters' })
  currentPassword!: string;

  /** The password policy in the service explains what is wrong. */
  @Field()
  @IsString()
  newPassword!: string;
}

@ObjectType('SignInResult')
export class SignInResultType {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' }) token!: string;
  @Field() expiresAt!: Date;
  @Field(() => StaffMemberType) staff!: StaffMemberType;
}
