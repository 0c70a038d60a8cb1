import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

type Translate = ReturnType<typeof useTranslate>;

/** Inputs that are a choice from a list: shown in that list's words. */
const CHOICES: Record<string, string> = {
  outcome: 'console.timeline_words.spot_check_outcomes',
  roles: 'console.roles',
  country: 'console.countries',
  deliveryChannel: 'console.delivery_channels',
  relation: 'console.debtor_relations',
  recourseMode: 'console.recourse_modes',
  source: 'console.verified_contacts.sources',
  reasons: 'console.timeline_words.reasons',
  targetType: 'console.audit_words.targets',
};

const label = (key: string, translate: Translate) =>
  translate(`console.audit_words.input_fields.${key}`, { _: translate(`console.timeline_words.fields.${key}`, { _: key }) });

const valueOf = (key: string, value: unknown, translate: Translate): ReactNode => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return translate(value ? 'console.audit_words.input_true' : 'console.audit_words.input_false');
  if (Array.isArray(value)) return value.map((item, i) => [i ? ', ' : '', valueOf(key, item, translate)]);
  if (typeof value === 'object') return null;
  const text = String(value);
  if (CHOICES[key]) return translate(`${CHOICES[key]}.${text}`, { _: text });
  // What a person entered (a name, an amount, a note): kept as entered.
  return <span data-typed="true">{text}</span>;
};

/** Lines "what: value" of the input, nested inputs indented; field names and choices in the reader's words. */
const Lines = ({ summary, depth }: { summary: Record<string, unknown>; depth: number }) => {
  const translate = useTranslate();
  return (
    <>
      {/* The id is the target, shown above as a link. */}
      {Object.entries(summary)
        .filter(([key]) => !(depth === 0 && key === 'id'))
        .map(([key, value]) => (
        <Box component="span" key={key} sx={{ display: 'block', pl: depth * 2 }}>
          {label(key, translate)}: {valueOf(key, value, translate)}
          {value && typeof value === 'object' && !Array.isArray(value) ? <Lines summary={value as Record<string, unknown>} depth={depth + 1} /> : null}
        </Box>
      ))}
    </>
  );
};

/** The input an operation was called with (as the API summarised it), in the reader's words. */
export const InputFacts = ({ summary }: { summary: unknown }) =>
  summary && typeof summary === 'object' && !Array.isArray(summary) ? (
    <Lines summary={summary as Record<string, unknown>} depth={0} />
  ) : (
    <span data-typed="true">{typeof summary === 'string' ? summary : JSON.stringify(summary)}</span>
  );
