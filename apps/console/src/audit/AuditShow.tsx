import { Box, Typography } from '@mui/material';
import {
  FunctionField,
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ScrollRegion } from '../common/a11y';
import { DateTimeField } from '../DateTimeField';
import type { AuditEntry } from '../types';
import { InputFacts } from './InputFacts';
import { ActorField, OperationField, OutcomeChip, TargetField } from './OutcomeChip';

/** The input as the API summarised it (secrets already left out there), pretty-printed. */
const InputSummary = (_props: { label?: false }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  const summary = record.inputSummary;
  const empty = summary === null || summary === undefined;
  return (
    <Labeled label="console.audit.input_summary">
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.audit.no_input')}
        </Typography>
      ) : (
        <ScrollRegion
          component="pre"
          label={translate('console.audit.input_summary')}
          data-testid="audit-input-summary"
          sx={{
            m: 0,
            p: 2,
            bgcolor: 'grey.100',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            fontSize: '0.8rem',
            lineHeight: 1.5,
            overflowX: 'auto',
            maxWidth: '100%',
          }}
        >
          <InputFacts summary={summary} />
        </ScrollRegion>
      )}
    </Labeled>
  );
};

const OperationType = ({ type }: { type: string }) => {
  const translate = useTranslate();
  return <>{translate(`console.audit_words.operation_types.${type}`, { _: type })}</>;
};

export const AuditShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateTimeField source="occurredAt" showTime />
      <OperationField source="operation" />
      <FunctionField<AuditEntry> source="operationType" render={(record) => <OperationType type={record.operationType} />} />
      <OutcomeChip source="outcome" />
      <TextField source="errorCode" emptyText="—" />
      <ActorField source="actorEmail" />
      <ReferenceField source="actorId" reference="staff" link="show" emptyText="—" />
      <TargetField source="targetType" label="console.audit.target" />
      {/* The id to look the request up in the API's log: a technical reference, shown as code. */}
      <FunctionField<AuditEntry> source="requestId" render={(record) => (record.requestId ? <Box component="code" sx={{ fontSize: '0.8rem' }}>{record.requestId}</Box> : '—')} />
      <InputSummary label={false} />
    </SimpleShowLayout>
  </Show>
);
