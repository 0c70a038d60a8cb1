import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('QueueBoardLink', { description: 'A one-time link into Bull Board (the queues, failed jobs and retries), for admins.' })
export class QueueBoardLinkType {
  @Field({ description: "Path on the console's own address (the API's, behind the console's proxy); open it in a new tab, once." })
  url!: string;

  @Field({ description: 'The link works until then (about a minute); the board it opens stays signed in for 15 minutes.' })
  expiresAt!: Date;
}
