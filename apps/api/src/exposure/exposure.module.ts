import { Global, Module } from '@nestjs/common';
import { Exposure } from './exposure.service';

/** Exposure is moved by credit decisions, credit notes, and later payments and recourse: one provider for all. */
@Global()
@Module({ providers: [Exposure], exports: [Exposure] })
export class ExposureModule {}
