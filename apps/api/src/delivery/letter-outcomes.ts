import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A delivered (or failed) letter, as the module that asked for it knows it. */
export interface LetterOutcome {
  deliveryId: string;
  invoiceId: string;
  documentKind: string;
  /** The follow-up step a reminder letter belongs to (null for the invoice's other documents). */
  collectionStepId: string | null;
}

/** What a module does when one of its documents went out, or failed for good: inside the delivery's transaction. */
export interface LetterOutcomeHook {
  sent(tx: EntityManager, letter: LetterOutcome): Promise<void>;
  failed(tx: EntityManager, letter: LetterOutcome): Promise<void>;
}

/**
 * The delivery's hook for the modules whose documents cost something once sent (issue 15 s.2: a
 * reminder's fee is charged only for a letter actually sent). A module registers its document
 * kind; the delivery calls it with the row's new status, in the same transaction, so the status
 * and what it causes commit together. Delivery code knows nothing of fees.
 */
@Injectable()
export class LetterOutcomes {
  private readonly hooks = new Map<string, LetterOutcomeHook>();

  register(documentKind: string, hook: LetterOutcomeHook): void {
    this.hooks.set(documentKind, hook);
  }

  async sent(tx: EntityManager, letter: LetterOutcome): Promise<void> {
    await this.hooks.get(letter.documentKind)?.sent(tx, letter);
  }

  async failed(tx: EntityManager, letter: LetterOutcome): Promise<void> {
    await this.hooks.get(letter.documentKind)?.failed(tx, letter);
  }
}
