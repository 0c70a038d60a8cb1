import { Module } from '@nestjs/common';
import { RuleSettingsResolver } from './rule-settings.resolver';
import { RuleSettingsService } from './rule-settings.service';

@Module({ providers: [RuleSettingsService, RuleSettingsResolver], exports: [RuleSettingsService] })
export class RuleSettingsModule {}
