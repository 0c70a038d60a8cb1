import { Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useGetList, useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/a11y';
import { compactTable } from '../common/compactTable';
import { CountryFlag } from '../common/CountryField';
import { today, useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { COUNTRIES, JSON_RULE_SETTINGS, RULE_SETTING_FIELDS, RULE_SETTING_NAMES, type Country, type RuleSettingName, type RuleSettingVersion } from '../types';
import { PublishVersionButton } from './PublishVersionButton';

/** The version in force on `day`: the latest that starts on or before it (versions come oldest first). */
export const versionInForce = (versions: RuleSettingVersion[], day: string): RuleSettingVersion | undefined =>
  [...versions].reverse().find((version) => version.validFrom <= day);

const Versions = ({ name, country }: { name: RuleSettingName; country: Country }) => {
  const translate = useTranslate();
  const format = useFormat();
  const admin = useHasRole('ADMIN');
  const { data, isPending, error } = useGetList<RuleSettingVersion & { id: string }>('rule-settings', {
    filter: { name, country },
    pagination: { page: 1, perPage: 1000 },
  });
  const versions = data ?? [];
  const now = today();
  const inForce = versionInForce(versions, now);
  const fields = RULE_SETTING_FIELDS[name];
  const asJson = JSON_RULE_SETTINGS.includes(name);
  // Figures in the language's own decimal sign (0,35 in Swedish), every stored decimal kept.
  const shown = (value: unknown) =>
    value === undefined || value === null
      ? '—'
      : typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
        ? format.amount(String(value))
        : String(value);
  return (
    <Card data-testid={`rule-settings-${name}-${country}`}>
      <CardContent>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography variant="h6" component="h2">
            {translate(`console.rule_settings.names.${name}`)}
          </Typography>
          <CountryFlag country={country} />
          <Box sx={{ flex: 1 }} />
          {admin && inForce ? <PublishVersionButton name={name} country={country} inForce={inForce} /> : null}
        </Stack>
        {isPending ? (
          <Typography variant="body2" color="text.secondary">
            {translate('ra.page.loading')}
          </Typography>
        ) : error ? (
          <Typography variant="body2" color="error">
            {(error as Error).message}
          </Typography>
        ) : (
          <ScrollRegion
            label={translate('console.a11y.setting_versions', { setting: translate(`console.rule_settings.names.${name}`), country })}
          >
            <Table size="small" data-testid="rule-setting-versions" sx={compactTable}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('console.rule_settings.valid_from')}</TableCell>
                  {fields.map((field) => (
                    // Wide enough for a label on two lines in any language (issue 11, section 4).
                    <TableCell key={field.key} align={field.kind === 'text' ? 'left' : 'right'} sx={{ minWidth: fields.length > 3 ? '8.5em' : '11em' }}>
                      {translate(`console.rule_settings.fields.${field.key}`)}
                    </TableCell>
                  ))}
                  {asJson ? <TableCell>{translate('console.rule_settings.value')}</TableCell> : null}
                  <TableCell sx={{ minWidth: 220 }}>{translate('console.rule_settings.source')}</TableCell>
                  <TableCell>{translate('console.rule_settings.published')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[...versions].reverse().map((version) => {
                  const current = version === inForce;
                  return (
                    <TableRow
                      key={version.validFrom}
                      data-testid="rule-setting-version"
                      data-valid-from={version.validFrom}
                      data-in-force={current ? 'true' : 'false'}
                      sx={current ? { bgcolor: 'rgba(46, 125, 50, 0.08)', '& td': { fontWeight: 500 } } : undefined}
                    >
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          <span>{format.date(version.validFrom)}</span>
                          {current ? <Chip size="small" color="success" label={translate('console.rule_settings.in_force')} /> : null}
                          {version.validFrom > now ? <Chip size="small" variant="outlined" label={translate('console.rule_settings.scheduled')} /> : null}
                        </Stack>
                      </TableCell>
                      {fields.map((field) => (
                        <TableCell
                          key={field.key}
                          align={field.kind === 'text' ? 'left' : 'right'}
                          sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                          data-testid={`rule-value-${field.key}`}
                        >
                          {shown(version.value[field.key])}
                        </TableCell>
                      ))}
                      {asJson ? (
                        <TableCell data-testid="rule-value-json" sx={{ verticalAlign: 'top' }}>
                          <ScrollRegion
                            component="pre"
                            label={translate('console.a11y.setting_value', { date: format.date(version.validFrom) })}
                            sx={{ m: 0, fontSize: '0.75rem', maxHeight: 220, maxWidth: 340, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                          >
                            {JSON.stringify(version.value, null, 2)}
                          </ScrollRegion>
                        </TableCell>
                      ) : null}
                      <TableCell>
                        {/* A built-in version's source is written in English (the law's or the service's own name stays as it is named): said so, for screen readers (WCAG 3.1.2). */}
                        <Typography variant="body2" sx={{ fontSize: '0.8rem' }} lang={version.builtIn ? 'en' : undefined}>
                          {version.source}
                        </Typography>
                      </TableCell>
                      <TableCell>
                        {version.builtIn ? (
                          <Chip size="small" variant="outlined" label={translate('console.rule_settings.built_in')} />
                        ) : (
                          // Who, then when, each on a line of its own: the column stays narrow (1440 px, issue 11 s.4).
                          <>
                            <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
                              {version.createdBy?.name ?? '—'}
                            </Box>
                            {/* May wrap after its comma ("29/11/2026, 12:34" in en-GB and nb): kept on one line it pushed the page to 1445 px. */}
                            <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.8rem' }}>
                              {format.dateTime(version.createdAt)}
                            </Box>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </CardContent>
    </Card>
  );
};

/**
 * The thresholds behind the eligibility rules and the offers, per country, as dated versions:
 * the one in force today is marked; an admin publishes a newer one from a day on.
 */
export const RuleSettingsPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="rule-settings">
      <Title title={translate('console.menu.rule_settings')} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('console.rule_settings.intro')}
      </Typography>
      <Stack spacing={2}>
        {RULE_SETTING_NAMES.flatMap((name) => COUNTRIES.map((country) => <Versions key={`${name}-${country}`} name={name} country={country} />))}
      </Stack>
    </Box>
  );
};
