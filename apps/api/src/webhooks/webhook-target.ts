import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppConfig } from '../config/config.schema';

/**
 * Where a client's webhook may point. A client chooses the address, and our workers POST to
 * it from inside our network: without a guard, a webhook at https://10.0.0.7/ or at a name
 * that resolves to 169.254.169.254 would make us call our own services (SSRF). In
 * production only public unicast addresses are reached; development and tests allow this
 * machine and private networks, where the demo program and the test receivers listen.
 */
export type WebhookTargetPolicy = 'public-only' | 'allow-private';

export function webhookTargetPolicy(config: Pick<AppConfig, 'NODE_ENV' | 'WEBHOOK_TARGETS'>): WebhookTargetPolicy {
  return config.WEBHOOK_TARGETS ?? (config.NODE_ENV === 'production' ? 'public-only' : 'allow-private');
}

/** ipaddr.js names every special-purpose range (RFC 6890 and friends); only 'unicast' is the public internet. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

export class WebhookTargetRefused extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`The webhook host ${host} resolves to ${address}, which is not a public internet address.`);
  }
}

type Resolve = (host: string) => Promise<LookupAddress[]>;

const resolveAll: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** Checks a webhook address at registration: every address its host resolves to must be allowed. */
export async function assertAllowedTarget(url: URL, policy: WebhookTargetPolicy, resolve: Resolve = resolveAll): Promise<void> {
  if (policy === 'allow-private') return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await resolve(host);
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  if (refused) throw new WebhookTargetRefused(host, refused.address);
}

/**
 * A dns.lookup for the HTTP client that refuses disallowed addresses. Used for the
 * connection itself, so a name that resolved to a public address at registration and to a
 * private one at delivery (DNS rebinding) is still refused: the check and the connection
 * use the same answer.
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return ((host: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    dnsLookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = addresses as LookupAddress[];
      const refused = policy === 'public-only' ? list.find((a) => !isPublicAddress(a.address)) : undefined;
      if (refused) return callback(new WebhookTargetRefused(host, refused.address));
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  }) as LookupFunction;
}

/**
 * POSTs a body and returns the status. No redirects are followed (a 3xx is a failed
 * delivery: following one would leave the guard behind); the response body is discarded.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; policy: WebhookTargetPolicy },
): Promise<number> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal IP address skips lookup entirely, so it is checked here.
  if (options.policy === 'public-only' && ipaddr.isValid(host) && !isPublicAddress(host)) {
    return Promise.reject(new WebhookTargetRefused(host, host));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        lookup: guardedLookup(options.policy),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', (error) => reject(error.name === 'AbortError' || error.name === 'TimeoutError' ? new Error(`no answer within ${options.timeoutMs} ms`) : error));
    request.end(body);
  });
}
