export { achievedRate, drawText, expectedSpotCheckRate, sampleSpotCheck, SpotCheckReasonCode } from './sample-spot-check';
export type { AchievedRate, SpotCheckInput, SpotCheckResult } from './sample-spot-check';
export {
  DEFAULT_SPOT_CHECK_SETTINGS,
  SPOT_CHECK_SETTINGS_BOUNDS,
  SpotCheckSettingsCode,
  spotCheckSettingsInForce,
  validateSpotCheckSettings,
} from './spot-check-settings';
export type { SpotCheckSettings, SpotCheckSettingsCheck, SpotCheckSettingsProblem } from './spot-check-settings';
export { deterministicDraw, fmix32, fnv1a32 } from './draw';
