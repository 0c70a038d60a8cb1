import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attachment: { fileName: string; content: Buffer; contentType: string };
}

/** How a send ended: sent, refused for good (SMTP 5xx) or failed for now (4xx, no connection, timeout). */
export type SendResult = { outcome: 'SENT'; response: string } | { outcome: 'REFUSED' | 'TEMPORARY'; code: number | null; error: string };

/** SMTP through nodemailer to SMTP_URL (issue 13 s.3). One pooled transport per process. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = nodemailer.createTransport(config.SMTP_URL, { from: config.SMTP_FROM });
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.SMTP_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        attachments: [{ filename: mail.attachment.fileName, content: mail.attachment.content, contentType: mail.attachment.contentType }],
      });
      const rejected = info.rejected ?? [];
      if (rejected.length > 0) return { outcome: 'REFUSED', code: null, error: `Refused: ${rejected.join(', ')}` };
      return { outcome: 'SENT', response: String(info.response ?? '') };
    } catch (e) {
      return classifySmtpError(e);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** RFC 5321: a 5yz reply is permanent, a 4yz reply transient; no reply at all (connection, timeout) is transient too. */
export function classifySmtpError(e: unknown): SendResult {
  const error = e as { responseCode?: number; response?: string; message?: string; code?: string };
  const code = typeof error.responseCode === 'number' ? error.responseCode : null;
  const text = (error.response ?? error.message ?? String(e)).slice(0, 500);
  if (code !== null && code >= 500 && code < 600) return { outcome: 'REFUSED', code, error: text };
  return { outcome: 'TEMPORARY', code, error: error.code && !text.includes(error.code) ? `${error.code}: ${text}` : text };
}
