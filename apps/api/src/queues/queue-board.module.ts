import { Module } from '@nestjs/common';
import { QueueBoardRepository } from './queue-board.repository';
import { QueueBoardResolver } from './queue-board.resolver';
import { QueueBoardService } from './queue-board.service';

/** Bull Board's sign-in for admins (issue 9 g); the board itself is mounted by `mountQueueBoard` in bootstrap. */
@Module({
  providers: [QueueBoardRepository, QueueBoardService, QueueBoardResolver],
  exports: [QueueBoardService],
})
export class QueueBoardModule {}
