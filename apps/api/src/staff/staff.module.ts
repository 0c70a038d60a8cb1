import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffMemberEntity } from './staff-member.entity';
import { StaffResolver } from './staff.resolver';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMemberEntity])],
  providers: [StaffService, StaffResolver],
  exports: [StaffService],
})
export class StaffModule {}
