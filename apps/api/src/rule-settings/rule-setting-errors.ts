/** Every error code dated rule settings answers with, in one place (issue 9): what clients and the console switch on. */
export enum RuleSettingError {
  SETTING_IN_THE_PAST = 'SETTING_IN_THE_PAST',
  SETTING_VERSION_EXISTS = 'SETTING_VERSION_EXISTS',
}
