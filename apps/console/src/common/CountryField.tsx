import { Box, Stack, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { COUNTRIES, type Country } from '../types';

/* Drawn rather than emoji: Windows and many Linux fonts have no flag glyphs. */
const Sweden = () => (
  <svg viewBox="0 0 16 10" width="20" height="13" aria-hidden>
    <rect width="16" height="10" fill="#006AA7" />
    <rect x="5" width="2" height="10" fill="#FECC00" />
    <rect y="4" width="16" height="2" fill="#FECC00" />
  </svg>
);

const Norway = () => (
  <svg viewBox="0 0 22 16" width="18" height="13" aria-hidden>
    <rect width="22" height="16" fill="#BA0C2F" />
    <rect x="6" width="4" height="16" fill="#fff" />
    <rect y="6" width="22" height="4" fill="#fff" />
    <rect x="7" width="2" height="16" fill="#00205B" />
    <rect y="7" width="22" height="2" fill="#00205B" />
  </svg>
);

export const countryChoices = COUNTRIES.map((id) => ({ id, name: `console.countries.${id}` }));

/**
 * Flag and code ("🇸🇪 SE"), the country's name on hover. To a screen reader the flag is an image
 * named after the country; the tooltip only describes (a plain span may not carry a label: axe's
 * aria-prohibited-attr).
 */
export const CountryFlag = ({ country, showCode = true }: { country: Country | string; showCode?: boolean }) => {
  const translate = useTranslate();
  const name = translate(`console.countries.${country}`, { _: country });
  return (
    <Tooltip title={name} describeChild>
      <Stack component="span" direction="row" spacing={0.75} sx={{ display: 'inline-flex', alignItems: 'center' }} data-testid="country-flag">
        <Box
          component="span"
          role="img"
          aria-label={name}
          sx={{ display: 'inline-flex', boxShadow: '0 0 0 1px rgba(0,0,0,0.12)', borderRadius: '2px', overflow: 'hidden' }}
        >
          {country === 'SE' ? <Sweden /> : country === 'NO' ? <Norway /> : null}
        </Box>
        {showCode ? <span>{country}</span> : null}
      </Stack>
    </Tooltip>
  );
};

export const CountryField = ({ source = 'country' }: { source?: string; label?: string }) => {
  const record = useRecordContext<Record<string, string>>();
  const country = record?.[source];
  return country ? <CountryFlag country={country} /> : null;
};
