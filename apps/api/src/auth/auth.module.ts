import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { AccessGuard } from './access.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { OperationAccessRegistry } from './operation-access.registry';
import { SignInThrottle } from './sign-in-throttle.service';
import { StaffSessionEntity } from './staff-session.entity';

/** Sign-in, sessions, and the guard that checks every GraphQL operation's declared roles. */
@Module({
  imports: [DiscoveryModule, StaffModule, TypeOrmModule.forFeature([StaffSessionEntity])],
  providers: [
    AuthService,
    SignInThrottle,
    OperationAccessRegistry,
    AuthResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, OperationAccessRegistry],
})
export class AuthModule {}
