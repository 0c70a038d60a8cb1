import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../../auth/role';

@ObjectType('StaffMember', { description: 'A person working in the back office.' })
export class StaffMemberType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field() active!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true }) deactivatedAt!: Date | null;
  @Field(() => String, { nullable: true }) deactivationReason!: string | null;
  @Field(() => Int, { description: 'Increases on every change; send it back as expectedVersion when editing.' })
  version!: number;
}

@ObjectType('StaffMemberPage')
export class StaffMemberPageType {
  @Field(() => [StaffMemberType]) items!: StaffMemberType[];
  @Field(() => Int) total!: number;
}
