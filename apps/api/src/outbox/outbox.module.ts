import { Global, Module } from '@nestjs/common';
import { JobOutboxService } from './job-outbox.service';
import { OutboxService } from './outbox.service';

@Global()
@Module({ providers: [OutboxService, JobOutboxService], exports: [OutboxService, JobOutboxService] })
export class OutboxModule {}
