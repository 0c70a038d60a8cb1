import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Recipients at this domain are refused for good (550): how tests and the demo make an e-mail bounce. */
export const REFUSING_DOMAIN = 'refuse.example';
/** Recipients at this domain are put off (451, try again later): a temporary failure. */
export const DEFERRING_DOMAIN = 'defer.example';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface LocalSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on this machine for tests and the demo (issue 13 s.3): it takes every mail
 * (no authentication, no TLS) and hands its raw bytes to `onMail`; it answers 550 for recipients at
 * refuse.example and 451 for those at defer.example. Not for production.
 */
export async function startLocalSmtpServer(options: { port?: number; host?: string; onMail?: (mail: ReceivedMail) => void | Promise<void> } = {}): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase();
      if (domain === REFUSING_DOMAIN) return callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      if (domain === DEFERRING_DOMAIN) return callback(Object.assign(new Error(`4.2.1 <${address.address}>: try again later`), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        };
        received.push(mail);
        Promise.resolve(options.onMail?.(mail)).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
