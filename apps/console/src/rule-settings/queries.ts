import { STAFF_REF } from '../resourceProvider';

/** The rule settings' GraphQL documents (apps/api/src/rule-settings). */

export const RULE_SETTING_FIELDS = `validFrom value source builtIn createdAt createdBy ${STAFF_REF}`;

export const RULE_SETTINGS = `query RuleSettings($name: String!, $country: Country!) { ruleSettings(name: $name, country: $country) { ${RULE_SETTING_FIELDS} } }`;
export const PUBLISH_RULE_SETTING = `mutation PublishRuleSetting($name: String!, $country: Country!, $validFrom: String!, $value: JSON!, $source: String!) {
  publishRuleSetting(name: $name, country: $country, validFrom: $validFrom, value: $value, source: $source) { ${RULE_SETTING_FIELDS} }
}`;
