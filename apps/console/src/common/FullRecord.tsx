import { LinearProgress } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext } from 'react-admin';

/**
 * react-admin opens a show page with the list's row for that record while the full record
 * loads; the row lacks what only the show query asks for (address, history, ...). The page
 * waits for `field`, one of those, before drawing.
 */
export const FullRecord = ({ field, children }: { field: string; children: ReactNode }) => {
  const record = useRecordContext();
  if (!record || !(field in record)) return <LinearProgress sx={{ mt: 2 }} data-testid="record-loading" />;
  return <>{children}</>;
};
