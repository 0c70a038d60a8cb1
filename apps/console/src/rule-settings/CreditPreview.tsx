import PreviewIcon from '@mui/icons-material/QueryStats';
import { Alert, Box, Button as MuiButton, CircularProgress, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../common/format';
import { CREDIT_OUTCOMES, type Country, type CreditWhatIf } from '../types';
import { useAction } from '../useAction';
import { creditWhatIfRun, RUN_FINISHED, startCreditWhatIf, type CreditWhatIfRun } from './creditWhatIfRuns';

const DAYS = 90;
/** How often the panel asks how far the worker has come. */
const POLL_MS = 700;
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The moves off the diagonal: recorded one way, replayed another, most first. */
export const movesOf = (moved: CreditWhatIf['moved']) =>
  Object.entries(moved ?? {})
    .flatMap(([from, to]) => Object.entries(to ?? {}).map(([into, count]) => ({ from, into, count: Number(count) })))
    .filter(({ from, into, count }) => from !== into && count > 0)
    .sort((a, b) => b.count - a.count);

const Result = ({ result, currency }: { result: NonNullable<CreditWhatIfRun['result']>; currency: string | undefined }) => {
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
      {result.truncated ? (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="credit-what-if-truncated">
          {translate('console.rule_settings.what_if.truncated', { bound: format.amount(String(result.bound)) })}
        </Alert>
      ) : null}
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

/** The worker's progress: waiting, or "n of m" decisions replayed. */
const Progress = ({ run }: { run: CreditWhatIfRun }) => {
  const translate = useTranslate();
  const format = useFormat();
  const counted = run.total !== null && run.status === 'RUNNING';
  const share = counted && run.total ? (100 * run.replayed) / run.total : 0;
  return (
    <Box sx={{ mt: 1.5 }} data-testid="credit-what-if-progress" data-status={run.status} data-replayed={run.replayed} data-total={run.total ?? ''}>
      <LinearProgress variant={counted ? 'determinate' : 'indeterminate'} value={share} />
      <Typography variant="caption" color="text.secondary" sx={num}>
        {counted
          ? translate('console.rule_settings.what_if.progress', { replayed: format.amount(String(run.replayed)), total: format.amount(String(run.total ?? 0)) })
          : translate('console.rule_settings.what_if.queued')}
      </Typography>
    </Box>
  );
};

/**
 * Before publishing credit settings: has the worker replay the last 90 days' automatic
 * decisions under the value as entered (the API's startCreditWhatIf), follows its progress,
 * and shows what would have come out otherwise.
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
  const start = useCallback((value: Record<string, unknown>) => startCreditWhatIf(country, value, DAYS), [country]);
  const { execute, pending } = useAction(start, { formHandlesFieldErrors: true });
  const [run, setRun] = useState<CreditWhatIfRun | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const marked = useRef<string | null>(null);
  const shown = useRef<HTMLDivElement>(null);
  const result = run?.status === 'DONE' ? run.result : null;
  const following = run !== null && !RUN_FINISHED.includes(run.status);

  // The result opens below the button, often under the fold of the dialog: bring it up.
  useEffect(() => {
    if (run) shown.current?.scrollIntoView({ block: 'nearest' });
  }, [run?.id, result]);

  // Asks the API how far the worker has come until the run is done or failed; stops when the dialog closes.
  useEffect(() => {
    if (!run || !following) return;
    const aborted = new AbortController();
    const timer = setTimeout(() => {
      creditWhatIfRun(run.id, aborted.signal).then(setRun, (error: unknown) => {
        if (aborted.signal.aborted) return;
        const message = error instanceof Error ? error.message : 'console.errors.server';
        setProblem(translate(message, { _: message }));
        setRun(null);
      });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      aborted.abort();
    };
  }, [run, following, translate]);

  // A run that failed in the worker says why, in the reader's language.
  useEffect(() => {
    if (run?.status === 'FAILED') setProblem(translate(`console.rule_settings.what_if.failures.${run.failure ?? 'REPLAY_FAILED'}`, { _: translate('console.rule_settings.what_if.failures.REPLAY_FAILED') }));
  }, [run?.status, run?.failure, translate]);

  const preview = async () => {
    setRun(null);
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
      setRun(answer.value);
      return;
    }
    if (answer.reason === 'CREDIT_WHAT_IF_ALREADY_RUNNING') {
      setProblem(translate('console.rule_settings.what_if.already_running'));
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
          disabled={pending || following}
          startIcon={pending || following ? <CircularProgress size={16} color="inherit" /> : <PreviewIcon />}
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
      {run && following ? <Progress run={run} /> : null}
      {result ? <Result result={result} currency={currency} /> : null}
    </Box>
  );
};
