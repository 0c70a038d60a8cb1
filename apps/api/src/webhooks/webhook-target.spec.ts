import http from 'node:http';
import { AddressInfo } from 'node:net';
import { assertAllowedTarget, isPublicAddress, postWebhook, WebhookTargetRefused, webhookTargetPolicy } from './webhook-target';

describe('which addresses a webhook may reach', () => {
  it.each([
    ['93.184.215.14', true],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', true],
    ['127.0.0.1', false],
    ['10.0.0.7', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata
    ['100.64.0.1', false], // carrier-grade NAT
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false], // IPv4-mapped loopback
    ['::ffff:93.184.215.14', true],
    ['not-an-address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('is public-only in production unless set, and allows this machine elsewhere', () => {
    expect(webhookTargetPolicy({ NODE_ENV: 'production' })).toBe('public-only');
    expect(webhookTargetPolicy({ NODE_ENV: 'development' })).toBe('allow-private');
    expect(webhookTargetPolicy({ NODE_ENV: 'test', WEBHOOK_TARGETS: 'public-only' })).toBe('public-only');
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolve = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(assertAllowedTarget(new URL('https://hooks.example.com/x'), 'public-only', resolve)).rejects.toThrow(
      'The webhook host hooks.example.com resolves to 10.0.0.7, which is not a public internet address.',
    );
    await expect(assertAllowedTarget(new URL('https://[::1]/x'), 'public-only', resolve)).rejects.toBeInstanceOf(WebhookTargetRefused);
    await expect(assertAllowedTarget(new URL('https://hooks.example.com/x'), 'allow-private', resolve)).resolves.toBeUndefined();
    const publicOnly = async () => [{ address: '93.184.215.14', family: 4 }];
    await expect(assertAllowedTarget(new URL('https://hooks.example.com/x'), 'public-only', publicOnly)).resolves.toBeUndefined();
  });
});

describe('delivering to a webhook', () => {
  let server: http.Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push(`${req.url} ${body}`);
        if (req.url === '/moved') res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
        else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 2_000);
        else res.writeHead(204).end();
      });
    });
    port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => seen.splice(0));

  it('posts the body and answers the status, where private targets are allowed', async () => {
    const status = await postWebhook(new URL(`http://127.0.0.1:${port}/hook`), { 'content-type': 'application/json' }, '{"a":1}', {
      timeoutMs: 5_000,
      policy: 'allow-private',
    });
    expect(status).toBe(204);
    expect(seen).toEqual(['/hook {"a":1}']);
  });

  it('never connects to this machine under public-only, by address or by name', async () => {
    for (const url of [`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`]) {
      await expect(postWebhook(new URL(url), {}, '{}', { timeoutMs: 5_000, policy: 'public-only' })).rejects.toBeInstanceOf(WebhookTargetRefused);
    }
    expect(seen).toEqual([]);
  });

  it('does not follow a redirect (it would leave the guard behind)', async () => {
    const status = await postWebhook(new URL(`http://127.0.0.1:${port}/moved`), {}, '{}', { timeoutMs: 5_000, policy: 'allow-private' });
    expect(status).toBe(302);
    expect(seen).toEqual(['/moved {}']);
  });

  it('gives up after the timeout', async () => {
    await expect(postWebhook(new URL(`http://127.0.0.1:${port}/slow`), {}, '{}', { timeoutMs: 200, policy: 'allow-private' })).rejects.toThrow(
      'no answer within 200 ms',
    );
  });
});
