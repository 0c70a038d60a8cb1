import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/** Page arguments shared by every list: 0-based page, at most 200 rows. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0, { message: 'page must be 0 or more (pages count from 0)' })
  page = 0;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1, { message: 'perPage must be between 1 and 200' })
  @Max(200, { message: 'perPage must be between 1 and 200' })
  perPage = 25;
}
