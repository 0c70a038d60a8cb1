import { Module } from '@nestjs/common';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Client notifications: the webhook registration and the polling feed. Delivery runs in the workers. */
@Module({ providers: [WebhooksService, WebhooksResolver] })
export class WebhooksModule {}
