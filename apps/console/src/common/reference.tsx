import { Box } from '@mui/material';

/**
 * A payment reference is named by its country, in every language (issue 11, section 3): a Swedish
 * one is an OCR number, a Norwegian one a KID, whether a Swede or a Norwegian reads it. A list that
 * mixes both heads the column "OCR/KID" and names each row's own.
 */
export type ReferenceKind = 'OCR' | 'KID';

/** By the item's country, or, where it has none (a payment), by its currency. */
export const referenceKindOf = ({ country, currency }: { country?: string | null; currency?: string | null }): ReferenceKind | null => {
  if (country === 'NO' || (!country && currency === 'NOK')) return 'KID';
  if (country === 'SE' || (!country && currency === 'SEK')) return 'OCR';
  return null;
};

/** The reference in monospace, after its kind ("OCR 1234567890" / "KID 12345678903"). */
export const PaymentReference = ({ reference, kind }: { reference: string | null | undefined; kind: ReferenceKind | null }) => {
  if (!reference) return <span>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {kind ? (
        <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8em', mr: 0.75 }} data-testid="reference-kind">
          {kind}
        </Box>
      ) : null}
      <span style={{ fontFamily: 'monospace' }}>{reference}</span>
    </span>
  );
};
