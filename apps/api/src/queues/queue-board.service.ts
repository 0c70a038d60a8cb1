import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { QueueBoardRepository, QueueBoardSessionOwner } from './queue-board.repository';

/** Where Bull Board is mounted in the API's HTTP app (and, through its proxy, beside the console). */
export const QUEUE_BOARD_PATH = '/admin/queues';
/** A link is for the click that follows it at once. */
export const QUEUE_BOARD_LINK_SECONDS = 60;
/** Looking at queues is a short visit; the console is one click away for another. */
export const QUEUE_BOARD_SESSION_SECONDS = 15 * 60;

export interface QueueBoardLink {
  /** The sign-in's id: the audit trail names it as the target. */
  id: string;
  url: string;
  expiresAt: Date;
}

export interface QueueBoardEntry {
  sessionToken: string;
  expiresAt: Date;
}

/**
 * The board's own short sign-in (issue 9 g). The console's session is a bearer token, which a
 * link cannot carry: an admin asks for a one-time link (an audited mutation), and visiting it
 * swaps it for a cookie session of the board. Tokens are random; only their SHA-256 is stored.
 */
@Injectable()
export class QueueBoardService {
  constructor(
    private readonly sessions: QueueBoardRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async openLink(staff: StaffPrincipal): Promise<QueueBoardLink> {
    const token = randomToken();
    // The link's row and the mutation's audit row commit together.
    const link = await this.uow.transaction((tx) =>
      this.sessions.insertLink(tx, { staffId: staff.id, consoleSessionId: staff.sessionId, linkTokenHash: sha256(token), ttlSeconds: QUEUE_BOARD_LINK_SECONDS }),
    );
    return { id: link.id, url: `${QUEUE_BOARD_PATH}/enter?token=${token}`, expiresAt: link.expiresAt };
  }

  /** Uses a link once; null when it is unknown, used, expired, or its admin no longer holds. */
  async enter(linkToken: string, meta: { ip?: string; userAgent?: string }): Promise<QueueBoardEntry | null> {
    if (!/^[\w-]{20,100}$/.test(linkToken)) return null;
    const sessionToken = randomToken();
    const entered = await this.sessions.enter({
      linkTokenHash: sha256(linkToken),
      sessionTokenHash: sha256(sessionToken),
      ttlSeconds: QUEUE_BOARD_SESSION_SECONDS,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    return entered ? { sessionToken, expiresAt: entered.expiresAt } : null;
  }

  /** Who a board session belongs to, checked on every request of the board. */
  async ownerOf(sessionToken: string): Promise<QueueBoardSessionOwner | null> {
    if (!/^[\w-]{20,100}$/.test(sessionToken)) return null;
    return this.sessions.ownerOf(sha256(sessionToken));
  }
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
