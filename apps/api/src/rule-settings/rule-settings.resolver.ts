import { Args, ArgsType, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsObject, IsString, Length, Matches } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { AllowRoles, AnyStaff } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { AuditTarget } from '../audit/audit.interceptor';
import { Country, StaffRefType, trim } from '../common/dto/common.types';
import { RuleSettingsService, SETTING_NAMES, SettingName } from './rule-settings.service';

@ObjectType('RuleSettingVersion', { description: 'One dated version of a rule setting, with where its values come from.' })
class RuleSettingVersionType {
  @Field() validFrom!: string;
  @Field(() => GraphQLJSON) value!: unknown;
  @Field() source!: string;
  @Field({ description: 'Shipped with the rules (the first version).' }) builtIn!: boolean;
  @Field(() => Date, { nullable: true }) createdAt!: Date | null;
  @Field(() => StaffRefType, { nullable: true }) createdBy!: StaffRefType | null;
}

@ArgsType()
class RuleSettingArgs {
  @Field(() => String, { description: `One of ${SETTING_NAMES.join(', ')}.` }) @IsIn(SETTING_NAMES as unknown as string[], { message: `name must be one of ${SETTING_NAMES.join(', ')}` }) name!: SettingName;
  @Field(() => Country) @IsEnum(Country) country!: Country;
}

@ArgsType()
class PublishRuleSettingArgs extends RuleSettingArgs {
  @Field({ description: 'YYYY-MM-DD, today or later.' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date such as 2027-01-01' }) validFrom!: string;
  @Field(() => GraphQLJSON) @IsObject({ message: 'value must be an object with the settings' }) value!: Record<string, unknown>;
  @Field({ description: 'Why: the law, regulation or decision behind the values.' }) @Transform(trim) @IsString() @Length(3, 500, { message: 'source must be between 3 and 500 characters' }) source!: string;
}

@Resolver()
export class RuleSettingsResolver {
  constructor(private readonly settings: RuleSettingsService) {}

  @Query(() => [RuleSettingVersionType], { description: 'Every version, oldest first.' })
  @AnyStaff()
  ruleSettings(@Args() { name, country }: RuleSettingArgs) {
    return this.settings.versions(name, country);
  }

  @Mutation(() => RuleSettingVersionType, { description: 'Publishes a new version from a day on; versions are never edited.' })
  @AllowRoles(Role.ADMIN)
  @AuditTarget('RULE_SETTING')
  publishRuleSetting(@Args() { name, country, validFrom, value, source }: PublishRuleSettingArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.settings.publish(name, country, validFrom, value, source, me);
  }
}
