import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvalidValueError } from '@factoring/domain';
import { CreditOutcome, CreditSettings, reviveCreditInput, validateCreditSettings, whatIf, WhatIfResult } from '@factoring/rules';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsObject, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { DataSource } from 'typeorm';
import { Country } from '../common/dto/common.types';
import { DecimalString } from '../common/decimal.scalar';

@ArgsType()
export class CreditWhatIfArgs {
  @Field(() => Country) @IsEnum(Country) country!: Country;
  @Field(() => GraphQLJSON, { description: 'The candidate credit settings (the shape of a rule setting "credit").' }) @IsObject({ message: 'value must be an object with the settings' }) value!: Record<string, unknown>;
  @Field(() => Int, { defaultValue: 90 }) @IsInt() @Min(1) @Max(730, { message: 'days must be between 1 and 730' }) days = 90;
}

@ObjectType('CreditWhatIf', { description: 'How recorded automatic decisions would have come out under candidate settings.' })
export class CreditWhatIfType {
  @Field(() => Int) decisions!: number;
  @Field(() => GraphQLJSON, { description: 'moved[recorded][replayed] = count.' }) moved!: WhatIfResult['moved'];
  @Field(() => GraphQLJSON) before!: Record<CreditOutcome, number>;
  @Field(() => GraphQLJSON) after!: Record<CreditOutcome, number>;
  @Field(() => DecimalString) exposureTakenBefore!: string;
  @Field(() => DecimalString) exposureTakenAfter!: string;
}

/** Replays the last days' recorded decision inputs under settings an admin is about to publish. */
@Injectable()
export class CreditWhatIf {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run(country: 'SE' | 'NO', value: unknown, days: number): Promise<WhatIfResult> {
    const { problems } = validateCreditSettings(value as CreditSettings);
    if (problems.length) throw new InvalidValueError(problems[0].code, problems[0].message.en, `value.${problems[0].field}`);
    const rows: Array<{ input: unknown; outcome: CreditOutcome }> = await this.db.query(
      `SELECT d.input, d.outcome FROM credit_decision d JOIN invoice i ON i.id = d.invoice_id
        WHERE d.kind = 'AUTOMATIC' AND d.input IS NOT NULL AND i.country = $1 AND d.decided_at > now() - make_interval(days => $2)
        ORDER BY d.id`,
      [country, days],
    );
    return whatIf(
      rows.map((row) => ({ input: reviveCreditInput(row.input), outcome: row.outcome })),
      { validFrom: 'what-if', source: 'candidate', value: value as CreditSettings },
    );
  }
}
