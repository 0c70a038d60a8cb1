import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { parentOf } from './settingLeaves';

/**
 * Labels, hints and headings of the generated form, from console.rule_settings.fields / hints /
 * groups. A leaf's words are looked up by its whole path with underscores (`intensityFactor_HIGH`:
 * a key only means something with its parent), then by its own key (`lateDenyShare`, the same
 * under both recourse modes, told apart by the heading). A missing one shows its i18n key.
 */
export function useSettingLabels() {
  const translate = useTranslate();
  return useMemo(() => {
    const words = (section: 'fields' | 'hints', path: string) => {
      const byKey = translate(`console.rule_settings.${section}.${path.split('.').pop()}`);
      return translate(`console.rule_settings.${section}.${path.replace(/\./g, '_')}`, { _: byKey });
    };
    const label = (path: string) => words('fields', path);
    const heading = (group: string) => translate(`console.rule_settings.groups.${group.replace(/\./g, '_')}`);
    return {
      label,
      hint: (path: string) => words('hints', path),
      heading,
      /** The leaf with its heading, for a message away from the input: "Share paid late for a denial (Debtor thresholds, with recourse)". */
      named: (path: string) => (parentOf(path) ? `${label(path)} (${heading(parentOf(path))})` : label(path)),
    };
  }, [translate]);
}
