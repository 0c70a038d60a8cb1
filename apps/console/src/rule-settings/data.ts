import { mutate, type ResourceProvider } from '../resourceProvider';
import type { Country, RuleSettingName, RuleSettingVersion } from '../types';
import { PUBLISH_RULE_SETTING, RULE_SETTINGS } from './queries';

// Read as a list (filter: name, country) so react-admin's refresh reloads it after a publish.
export const ruleSettingsProvider: ResourceProvider = {
  list: {
    query: RULE_SETTINGS,
    field: 'ruleSettings',
    variables: (params) => ({ name: params.filter?.name, country: params.filter?.country }),
    // One version per day for a setting and country: the day is its id.
    idOf: (row) => String(row.validFrom),
  },
};

export const ruleSettingActions = {
  // A bad value is BAD_USER_INPUT with field `value.<setting>`: the form holds its values under `value`, so it lands there.
  publishRuleSetting: (
    name: RuleSettingName,
    country: Country,
    validFrom: string,
    value: Record<string, unknown>,
    source: string,
  ): Promise<RuleSettingVersion> => mutate('publishRuleSetting', PUBLISH_RULE_SETTING, { name, country, validFrom, value, source: source.trim() }),
};
