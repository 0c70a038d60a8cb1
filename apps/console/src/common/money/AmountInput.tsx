import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { FieldTitle, InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import {
  formatDecimal,
  formatMoneyText,
  formatPercentText,
  isPlainDecimal,
  parseAmount,
  type AmountLocale,
  type ParsedAmount,
} from '@factoring/domain/src/money/amount-text';
import { useAmountLocale } from './locale';

export interface AmountInputProps {
  source: string;
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  /** The currency code of an amount (shown beside the field and in its reading); none for a percentage. */
  currency?: string;
  /** A percentage or rate instead of money. */
  percent?: boolean;
  /** The most decimals the field holds: 2 for money (öre), as the column stores for a rate (4 for a fee). */
  decimals?: number;
  allowNegative?: boolean;
  /** What a negative amount is told, when the field can say more than "Cannot be negative" (a limit). */
  negativeMessage?: string;
  /**
   * What the form holds while the text is refused: the text itself, so that validation stops the form
   * (the default), or nothing, for a list filter that must not send half an amount.
   */
  whileRefused?: 'text' | 'empty';
  fullWidth?: boolean;
  /** Read by react-admin's filter form. */
  alwaysOn?: boolean;
  sx?: TextFieldProps['sx'];
  'data-testid'?: string;
}

/** How a refusal reads in the field's language: the reason, and the likely reading when there is one. */
const refusalMessage = (
  result: Extract<ParsedAmount, { ok: false }>,
  text: string,
  locale: AmountLocale,
  decimals: number,
  translate: (key: string, options?: Record<string, unknown>) => string,
  negativeMessage?: string,
) => {
  if (result.reason === 'NEGATIVE' && negativeMessage) return translate(negativeMessage);
  const reason = translate(`console.amount_input.${result.reason.toLowerCase()}`, { text: text.trim(), decimals, smart_count: decimals });
  const likely = result.likelyReading ? ` ${translate('console.amount_input.likely', { likely: formatDecimal(result.likelyReading, locale) })}` : '';
  return `${reason}${likely}`;
};

/**
 * The one amount (and percentage) input of the console. The person types in their language's
 * way; the form holds the plain decimal string the API takes ("100000.00"), never a number.
 * As they type, the helper text shows how the field reads what they typed ("Reads as SEK
 * 100,000.00"); a spelling the language does not write ("1,5" in English, "1.5" in Swedish)
 * is refused with the likely reading, and the form is not sent until it is fixed.
 */
export const AmountInput = ({
  source,
  label,
  helperText,
  validate,
  currency,
  percent = false,
  decimals = 2,
  allowNegative = false,
  negativeMessage,
  whileRefused = 'text',
  fullWidth,
  sx,
  'data-testid': testId,
}: AmountInputProps) => {
  const translate = useTranslate();
  const locale = useAmountLocale();
  const form = useFormContext();
  const units = useMemo(() => (percent ? ['%'] : [currency ?? '', 'kr', 'SEK', 'NOK'].filter(Boolean)), [percent, currency]);
  // The refused text and its message, read by the validator (which react-hook-form may hold from an earlier render).
  const refusal = useRef<{ text: string; message: string } | null>(null);
  const refusedValidator: Validator = (value: unknown) =>
    refusal.current && value === refusal.current.text ? refusal.current.message : undefined;
  const validators = [refusedValidator, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];

  const { id, field, fieldState, formState, isRequired } = useInput({
    source,
    validate: validators,
    // The form holds exactly what the input gives it: '' for nothing, a plain decimal, or the refused text.
    format: (value: unknown) => value,
    parse: (value: unknown) => value,
  });

  const editingText = (value: unknown) =>
    value === null || value === undefined ? '' : isPlainDecimal(value) ? formatDecimal(value, locale) : String(value);
  const [text, setText] = useState(() => editingText(field.value));
  const emitted = useRef<unknown>(field.value);
  const shownLocale = useRef(locale);
  // A value from outside (the form's defaults, a reset) or another language: the text follows it.
  useEffect(() => {
    if (field.value !== emitted.current || shownLocale.current !== locale) {
      emitted.current = field.value;
      shownLocale.current = locale;
      refusal.current = null;
      setText(editingText(field.value));
    }
  }, [field.value, locale]); // editingText depends on the locale only

  const result: ParsedAmount | null = text.trim() === '' ? null : parseAmount(text, locale, { decimals, allowNegative, units });
  const show = (value: string) => (percent ? formatPercentText(value, locale) : formatMoneyText(value, currency, locale));

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setText(typed);
    const parsed = typed.trim() === '' ? null : parseAmount(typed, locale, { decimals, allowNegative, units });
    refusal.current = parsed && !parsed.ok ? { text: typed, message: refusalMessage(parsed, typed, locale, decimals, translate, negativeMessage) } : null;
    const value = parsed === null ? '' : parsed.ok ? parsed.value : whileRefused === 'text' ? typed : '';
    emitted.current = value;
    field.onChange(value);
    // Once an error shows (after a try to send), it follows the typing.
    if (fieldState.error || formState.isSubmitted) void form?.trigger(field.name);
  };

  const onBlur = () => {
    field.onBlur();
    if (result?.ok) setText(formatDecimal(result.value, locale));
    if (result && !result.ok) void form?.trigger(field.name);
  };

  const error = fieldState.error && (fieldState.isTouched || formState.isSubmitted) ? fieldState.error.message : undefined;
  const reading =
    result === null ? undefined : result.ok ? translate('console.amount_input.reads_as', { amount: show(result.value) }) : refusal.current?.message;
  const unit = percent ? '%' : currency;

  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={onChange}
      onBlur={onBlur}
      label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
      className={`ra-input ra-input-${source}`}
      error={!!error}
      helperText={<InputHelperText error={error} helperText={reading ?? helperText} />}
      fullWidth={fullWidth}
      sx={sx}
      data-testid={testId}
      InputProps={unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined}
      inputProps={{ inputMode: 'decimal', autoComplete: 'off', style: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }, 'data-amount-value': isPlainDecimal(field.value) ? field.value : '' }}
      FormHelperTextProps={{ 'data-testid': testId ? `${testId}-reading` : undefined } as object}
    />
  );
};
