import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { CLIENT_BLOCK_REASONS, ClientBlockReason } from '@factoring/domain';
import { IsIn, IsOptional } from 'class-validator';
import { ClientReasonArgs } from './client.types';

export const ClientBlockReasonEnum = Object.fromEntries(CLIENT_BLOCK_REASONS.map((r) => [r, r])) as { [K in ClientBlockReason]: K };
registerEnumType(ClientBlockReasonEnum, {
  name: 'ClientBlockReason',
  description: 'Why a client is blocked; each reason is lifted on its own (a fraud block stays when an overdue recourse invoice is paid).',
});

@ArgsType()
export class ClientBlockArgs extends ClientReasonArgs {
  @Field(() => ClientBlockReasonEnum, { nullable: true, description: 'Which block this is (OTHER when left out).' })
  @IsOptional()
  @IsIn(CLIENT_BLOCK_REASONS)
  blockReason?: ClientBlockReason;
}
