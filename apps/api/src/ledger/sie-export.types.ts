import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt } from 'class-validator';

@ArgsType()
export class SieExportArgs {
  @Field(() => Int, { description: 'The fiscal (calendar) year, e.g. 2026.' })
  @IsInt()
  fiscalYear!: number;
}

@ObjectType('SieFile', { description: "The Swedish book's year as a SIE 4 file (#FORMAT PC8: code page 437)." })
export class SieFileType {
  @Field() fileName!: string;
  @Field() sha256!: string;
  @Field(() => Int, { description: 'How many vouchers (#VER) it holds.' }) vouchers!: number;
  @Field({ description: "The file's bytes, base64." }) contentBase64!: string;
}
