import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationState, ClientState, DebtorRelation } from '../types';

type Colour = ChipProps['color'];

const clientStateColour: Record<ClientState, Colour> = {
  APPLIED: 'info',
  ACTIVE: 'success',
  BLOCKED: 'warning',
  REFUSED: 'error',
  TERMINATED: 'default',
};

const applicationStateColour: Record<ApplicationState, Colour> = {
  PENDING: 'info',
  APPROVED: 'success',
  REFUSED: 'error',
};

export const ClientStateChip = ({ state, size = 'small' }: { state: ClientState; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={clientStateColour[state] ?? 'default'}
      label={translate(`console.client_states.${state}`, { _: state })}
      data-testid="client-state"
      data-state={state}
    />
  );
};

/** In a list row or show layout: the record's `state`. */
export const ClientStateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ state: ClientState }>();
  return record?.state ? <ClientStateChip state={record.state} /> : null;
};

export const ApplicationStateChip = ({ state }: { state: ApplicationState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={applicationStateColour[state] ?? 'default'}
      label={translate(`console.application_states.${state}`, { _: state })}
      data-testid="application-state"
      data-state={state}
    />
  );
};

export const OverdueChip = () => {
  const translate = useTranslate();
  return <Chip size="small" color="error" label={translate('console.applications.overdue')} data-testid="overdue" />;
};

export const RelationChip = ({ relation }: { relation: DebtorRelation }) => {
  const translate = useTranslate();
  return <Chip size="small" color="warning" variant="outlined" label={translate(`console.debtor_relations.${relation}`)} />;
};
