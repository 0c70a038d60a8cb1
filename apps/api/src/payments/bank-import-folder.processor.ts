import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PaymentsService } from './payments.service';

/**
 * The watched import folder (issue 14 s.1, for automation): files the bank connection drops in
 * `BANK_IMPORT_FOLDER` are imported one at a time, oldest first, each moved first to
 * `processing/` (so two API processes never take one file), then to `done/` or, refused, to
 * `refused/` (the refusal with its place is on the import's record). Off unless the folder is
 * configured. A file still being written is left until it has not changed for a poll.
 */
@Injectable()
export class BankImportFolder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BankImportFolder.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly seen = new Map<string, number>();

  constructor(private readonly payments: PaymentsService) {}

  onModuleInit(): void {
    const folder = process.env.BANK_IMPORT_FOLDER;
    if (!folder) return;
    const every = Number(process.env.BANK_IMPORT_POLL_SECONDS ?? 30) * 1000;
    this.timer = setInterval(() => void this.poll(folder), every);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over the folder; returns the files imported or refused. Public for tests and a manual run. */
  async poll(folder: string, waitUntilSettled = true): Promise<Array<{ file: string; outcome: 'DONE' | 'REFUSED' }>> {
    if (this.running) return [];
    this.running = true;
    const outcomes: Array<{ file: string; outcome: 'DONE' | 'REFUSED' }> = [];
    try {
      for (const sub of ['processing', 'done', 'refused']) if (!existsSync(join(folder, sub))) mkdirSync(join(folder, sub), { recursive: true });
      const files = readdirSync(folder)
        .map((name) => ({ name, stat: statSync(join(folder, name)) }))
        .filter((f) => f.stat.isFile() && !f.name.startsWith('.'))
        .sort((a, b) => a.stat.mtimeMs - b.stat.mtimeMs);
      for (const { name, stat } of files) {
        // Still growing since the last look: the writer has not finished.
        if (this.seen.get(name) !== stat.size) {
          this.seen.set(name, stat.size);
          if (waitUntilSettled) continue;
        }
        this.seen.delete(name);
        const taken = join(folder, 'processing', name);
        try {
          renameSync(join(folder, name), taken);
        } catch {
          continue; // another process took it
        }
        try {
          await this.payments.importStream(createReadStream(taken), { source: 'FOLDER', fileName: name });
          renameSync(taken, join(folder, 'done', name));
          outcomes.push({ file: name, outcome: 'DONE' });
        } catch (error) {
          renameSync(taken, join(folder, 'refused', name));
          outcomes.push({ file: name, outcome: 'REFUSED' });
          this.logger.warn(`Bank file ${name} refused: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.running = false;
    }
    return outcomes;
  }
}
