import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey } from '../auth/principal';
import { AuditTarget } from '../audit/audit.interceptor';
import { ClientEventPageType, EventsArgs, RegisterWebhookArgs, WebhookRegistrationType } from './webhooks.types';
import { WebhooksService } from './webhooks.service';

@Resolver()
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Query(() => ClientEventPageType, { description: 'Your events after a cursor, oldest first: nothing is lost while a webhook is down.' })
  @ForIntegration()
  myEvents(@Args() { after, limit }: EventsArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.webhooks.eventsSince(key.clientId, after, limit);
  }

  @Mutation(() => WebhookRegistrationType, { description: 'Where to POST your events; returns the signing secret once.' })
  @ForIntegration()
  @AuditTarget('CLIENT')
  registerWebhook(@Args() { url }: RegisterWebhookArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.webhooks.register(key.clientId, url);
  }
}
