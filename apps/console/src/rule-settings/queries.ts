/** The rule settings' GraphQL documents (apps/api/src/rule-settings), read by codegen (apps/console/codegen.ts). */

export const RULE_SETTING_FIELDS = /* GraphQL */ `
  fragment RuleSettingFields on RuleSettingVersion { validFrom value source builtIn createdAt createdBy { id name } }
`;

export const RULE_SETTINGS = /* GraphQL */ `
  query RuleSettings($name: String!, $country: Country!) { ruleSettings(name: $name, country: $country) { ...RuleSettingFields } }
  ${RULE_SETTING_FIELDS}
`;
export const PUBLISH_RULE_SETTING = /* GraphQL */ `
  mutation PublishRuleSetting($name: String!, $country: Country!, $validFrom: String!, $value: JSON!, $source: String!) {
    publishRuleSetting(name: $name, country: $country, validFrom: $validFrom, value: $value, source: $source) { ...RuleSettingFields }
  }
  ${RULE_SETTING_FIELDS}
`;
