import PreviewIcon from '@mui/icons-material/QueryStats';
import { Alert, Box, Button as MuiButton, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../common/format';
import { dataProvider } from '../dataProvider';
import { CREDIT_OUTCOMES, type Country, type CreditWhatIf } from '../types';
import { useAction } from '../useAction';

const DAYS = 90;
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The moves off the diagonal: recorded one way, replayed another, most first. */
export const movesOf = (moved: CreditWhatIf['moved']) =>
  Object.entries(moved ?? {})
    .flatMap(([from, to]) => Object.entries(to ?? {}).map(([into, count]) => ({ from, into, count: Number(count) })))
    .filter(({ from, into, count }) => from !== into && count > 0)
    .sort((a, b) => b.count - a.count);

const Result = ({ result, currency }: { result: CreditWhatIf; currency: string | undefined }) => {
  const translate = useTranslate();
  const format = useFormat();
  const outcome = (name: string) => translate(`console.decisions.outcomes.${name}`);
  const rows = CREDIT_OUTCOMES.map((name) => ({ name: outcome(name), before: result.before?.[name] ?? 0, after: result.after?.[name] ?? 0, key: name }));
  const moves = movesOf(result.moved);
  const labels = { before: translate('console.rule_settings.what_if.before'), after: translate('console.rule_settings.what_if.after') };
  return (
    <Box data-testid="credit-what-if" sx={{ mt: 1 }}>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="credit-what-if-summary" data-decisions={result.decisions}>
        {translate('console.rule_settings.what_if.summary', { smart_count: result.decisions, days: DAYS })}
      </Typography>
      {result.decisions > 0 ? (
        <Box sx={{ height: 180, mb: 1 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <XAxis dataKey="name" tick={{ fontSize: 11, fill: '#667' }} tickLine={false} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#667' }} width={32} axisLine={false} tickLine={false} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="before" name={labels.before} fill="#9bb7cc" isAnimationActive={false} />
              <Bar dataKey="after" name={labels.after} fill="#1f5f8b" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      ) : null}
      <Table size="small" data-testid="credit-what-if-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('console.rule_settings.what_if.outcome')}</TableCell>
            <TableCell align="right">{labels.before}</TableCell>
            <TableCell align="right">{labels.after}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-testid={`credit-what-if-${row.key}`}>
              <TableCell>{row.name}</TableCell>
              <TableCell align="right" sx={num}>
                {row.before}
              </TableCell>
              <TableCell align="right" sx={{ ...num, fontWeight: row.after !== row.before ? 600 : undefined }}>
                {row.after}
              </TableCell>
            </TableRow>
          ))}
          <TableRow data-testid="credit-what-if-exposure">
            <TableCell>{translate('console.rule_settings.what_if.exposure')}</TableCell>
            <TableCell align="right" sx={num}>
              {format.amount(result.exposureTakenBefore, currency)}
            </TableCell>
            <TableCell align="right" sx={num}>
              {format.amount(result.exposureTakenAfter, currency)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="subtitle2" sx={{ mt: 1.5 }}>
        {translate('console.rule_settings.what_if.moves')}
      </Typography>
      {moves.length ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="credit-what-if-moves">
          {moves.map(({ from, into, count }) => (
            <Typography component="li" variant="body2" key={`${from}-${into}`} data-testid="credit-what-if-move">
              {translate('console.rule_settings.what_if.move', { count, from: outcome(from).toLowerCase(), into: outcome(into).toLowerCase() })}
            </Typography>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="credit-what-if-no-moves">
          {translate('console.rule_settings.what_if.no_moves')}
        </Typography>
      )}
    </Box>
  );
};

/**
 * Before publishing credit settings: replays the last 90 days' automatic decisions under the
 * value as entered (the API's creditWhatIf) and shows what would have come out otherwise.
 * `valueFrom` reads it from the form in either editing mode (null: JSON that does not parse);
 * `inputNamed` names the input a refused field has, if it has one, to show the message there too.
 */
export const CreditPreview = ({
  country,
  valueFrom,
  inputNamed,
}: {
  country: Country;
  valueFrom: (values: FieldValues) => Record<string, unknown> | null;
  inputNamed: (field: string) => string | undefined;
}) => {
  const translate = useTranslate();
  const { getValues, setError, clearErrors } = useFormContext();
  const run = useCallback((value: Record<string, unknown>) => dataProvider.creditWhatIf(country, value, DAYS), [country]);
  const { execute, pending } = useAction(run, { formHandlesFieldErrors: true });
  const [result, setResult] = useState<CreditWhatIf | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const marked = useRef<string | null>(null);
  const shown = useRef<HTMLDivElement>(null);

  // The result opens below the button, often under the fold of the dialog: bring it up.
  useEffect(() => {
    if (result) shown.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);

  const preview = async () => {
    setResult(null);
    if (marked.current) clearErrors(marked.current);
    marked.current = null;
    const value = valueFrom(getValues());
    if (!value) {
      setProblem(translate('console.rule_settings.json_invalid'));
      return;
    }
    const answer = await execute(value);
    if (answer.ok) {
      setProblem(null);
      setResult(answer.value);
      return;
    }
    const input = answer.field ? inputNamed(answer.field) : undefined;
    if (answer.field && input) {
      setError(answer.field, { type: 'server', message: answer.message ?? '' });
      marked.current = answer.field;
    }
    setProblem(answer.field ? `${input ?? answer.field}: ${answer.message ?? ''}` : (answer.message ?? null));
  };

  const currency = (() => {
    const value = valueFrom(getValues());
    return typeof value?.currency === 'string' && /^[A-Z]{3}$/.test(value.currency) ? value.currency : undefined;
  })();

  return (
    <Box sx={{ mt: 1, mb: 2 }} ref={shown}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <MuiButton
          variant="outlined"
          onClick={preview}
          disabled={pending}
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <PreviewIcon />}
          data-testid="credit-what-if-run"
        >
          {translate('console.rule_settings.what_if.run')}
        </MuiButton>
        <Typography variant="caption" color="text.secondary">
          {translate('console.rule_settings.what_if.hint', { days: DAYS })}
        </Typography>
      </Stack>
      {problem ? (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="credit-what-if-error">
          {problem}
        </Alert>
      ) : null}
      {result ? <Result result={result} currency={currency} /> : null}
    </Box>
  );
};
