import { createElement, type ComponentType } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import audit from './audit';
import { authProvider } from './authProvider';
import clientApplications from './client-applications';
import clients from './clients';
import { manualAssessment, spotChecks } from './credit-reviews';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import debtors from './debtors';
import failedDeliveries from './deliveries';
import { PrintBatchPage } from './deliveries/PrintBatchPage';
import collectionCases from './collection-cases';
import disputes from './disputes';
import invoices from './invoices';
import overdueInvoices from './overdue';
import { i18nProvider } from './i18n';
import { Layout, CHANGE_PASSWORD_PATH } from './Layout';
import { LoginPage } from './LoginPage';
import { LedgerPage } from './ledger/LedgerPage';
import { screensFor } from './navigation';
import payouts from './payouts';
import incomingPayments from './payments';
import unmatchedPayments from './unmatched-payments';
import recourseInvoices from './recourse';
import { QueuePlaceholder } from './queues/QueuePlaceholder';
import { queryClient } from './queryClient';
import { RuleSettingsPage } from './rule-settings/RuleSettingsPage';
import staff from './staff';
import { theme } from './theme';
import { isRole } from './types';

// Screens built so far, by resource name; the other queues are placeholders for now.
const resources: Record<string, object> = {
  staff,
  audit,
  'client-applications': clientApplications,
  'manual-assessment': manualAssessment,
  'spot-checks': spotChecks,
  clients,
  debtors,
  invoices,
  'payout-batches': payouts,
  disputes,
  'recourse-invoices': recourseInvoices,
  'overdue-invoices': overdueInvoices,
  'collection-cases': collectionCases,
  'failed-deliveries': failedDeliveries,
  'incoming-payments': incomingPayments,
  'unmatched-payments': unmatchedPayments,
};
/** Screens that are not a react-admin resource, by their menu key. */
const pages: Record<string, ComponentType> = { rule_settings: RuleSettingsPage, ledger: LedgerPage, print_batch: PrintBatchPage };

/**
 * Routes follow the roles: a person gets the resources and queue pages of their roles
 * only, so a queue of another role is a "not found", not an empty screen. The API
 * enforces the same rules on every query.
 */
export const App = () => (
  <Admin
    title="Factoring back office"
    dataProvider={dataProvider}
    authProvider={authProvider}
    queryClient={queryClient}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Dashboard}
    loginPage={LoginPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) => {
      const roles = Array.isArray(permissions) ? permissions.filter(isRole) : [];
      const items = screensFor(roles);
      return (
        <>
          {items
            .filter((item) => item.resource && resources[item.resource])
            .map((item) => (
              <Resource key={item.resource} name={item.resource!} {...resources[item.resource!]} />
            ))}
          <CustomRoutes>
            <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
            {items
              .filter((item) => !item.resource)
              .map((item) => (
                <Route key={item.key} path={item.path} element={pages[item.key] ? createElement(pages[item.key]) : <QueuePlaceholder item={item} />} />
              ))}
          </CustomRoutes>
        </>
      );
    }}
  </Admin>
);
