import { Module } from '@nestjs/common';
import { ExposureCheckModule } from '../payments/exposure-check.module';
import { PayoutsModule } from '../payouts/payouts.module';
import { HomeRepository } from './home.repository';
import { HomeResolver } from './home.resolver';
import { HomeService } from './home.service';

/** The home page: each role's work, counted by the server. Later queues add their counts here. */
@Module({ imports: [PayoutsModule, ExposureCheckModule], providers: [HomeRepository, HomeService, HomeResolver] })
export class HomeModule {}
