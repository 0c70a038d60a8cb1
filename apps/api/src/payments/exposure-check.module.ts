import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { ExposureCheck } from './exposure-check';
import { PaymentsRepository } from './payments.repository';

/** The daily exposure check (issue 14 s.2), for the worker's processor and finance's home. */
@Module({ providers: [clockProvider, PaymentsRepository, ExposureCheck], exports: [ExposureCheck] })
export class ExposureCheckModule {}
