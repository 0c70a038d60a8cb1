import { useRecordContext } from 'react-admin';
import { ApplicationStateChip } from '../common/chips';
import { APPLICATION_STATES, REFUSAL_REASONS, REGISTRY_STATUSES, type ClientApplication } from '../types';

export const applicationStateChoices = APPLICATION_STATES.map((id) => ({ id, name: `console.application_states.${id}` }));
export const registryStatusChoices = REGISTRY_STATUSES.map((id) => ({ id, name: `console.registry_statuses.${id}` }));
export const refusalReasonChoices = REFUSAL_REASONS.map((id) => ({ id, name: `console.refusal_reasons.${id}` }));

export const ApplicationStateField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<ClientApplication>();
  return record ? <ApplicationStateChip state={record.state} /> : null;
};
