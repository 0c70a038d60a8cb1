/** The error codes of dated rule settings, in one place (issue 9): what clients and the console switch on. */
export enum RuleSettingError {
  SETTING_IN_THE_PAST = 'SETTING_IN_THE_PAST',
  SETTING_VERSION_EXISTS = 'SETTING_VERSION_EXISTS',
}
