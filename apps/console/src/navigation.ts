import type { SvgIconComponent } from '@mui/icons-material';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import BusinessIcon from '@mui/icons-material/Business';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GavelIcon from '@mui/icons-material/Gavel';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import LocalPrintshopIcon from '@mui/icons-material/LocalPrintshop';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import OutboxIcon from '@mui/icons-material/Outbox';
import PaymentsIcon from '@mui/icons-material/Payments';
import PeopleIcon from '@mui/icons-material/People';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import StorefrontIcon from '@mui/icons-material/Storefront';
import TuneIcon from '@mui/icons-material/Tune';
import type { Role } from './types';

/**
 * Who sees which queue. The menu, the dashboard cards and the routes are all built from
 * this list (and `shared` below), so a role's items are declared once. A queue without a `resource` is a page
 * of its own (App.tsx `pages`) or, with a `capability`, not built yet: its route shows a placeholder naming
 * the capability it arrives with.
 */
export interface NavItem {
  /** Stable key: translations under `console.menu.<key>` and `console.queues.<key>`. */
  key: string;
  path: string;
  testId: string;
  icon: SvgIconComponent;
  /** Set when the screen is a react-admin resource of that name. */
  resource?: string;
  /** Key under `console.capabilities` of the capability that will bring this queue. */
  capability?: string;
  /**
   * Roles that may open this screen without it being in their menu: admins register
   * applications from the clients list, so the applications screens must exist for them.
   */
  alsoFor?: Role[];
}

export interface RoleNavigation {
  role: Role;
  items: NavItem[];
}

/** A menu section: one role's queues, or (SHARED) the records every member of staff works with. */
export interface NavSection {
  key: Role | 'SHARED';
  items: NavItem[];
}

const item = (key: string, icon: SvgIconComponent, extra: Partial<NavItem> = {}): NavItem => ({
  key,
  path: `/${key.replace(/_/g, '-')}`,
  testId: `menu-${key.replace(/_/g, '-')}`,
  icon,
  ...extra,
});

export const navigation: RoleNavigation[] = [
  {
    role: 'CREDIT_ANALYST',
    items: [
      item('client_applications', HowToRegIcon, { resource: 'client-applications', alsoFor: ['ADMIN'] }),
      item('manual_assessment', FactCheckIcon, { resource: 'manual-assessment', alsoFor: ['ADMIN'] }),
      item('spot_checks', PhoneInTalkIcon, { resource: 'spot-checks', alsoFor: ['ADMIN'] }),
    ],
  },
  {
    role: 'COLLECTION',
    items: [
      item('disputes', GavelIcon, { resource: 'disputes' }),
      item('overdue_invoices', EventBusyIcon, { resource: 'overdue-invoices' }),
      item('recourse_invoices', AssignmentReturnIcon, { resource: 'recourse-invoices' }),
      item('collection_handoff', OutboxIcon, { resource: 'collection-cases', path: '/collection-cases', alsoFor: ['FINANCE', 'ADMIN'] }),
    ],
  },
  {
    role: 'FINANCE',
    items: [
      item('payout_batches', PaymentsIcon, { resource: 'payout-batches', alsoFor: ['ADMIN'] }),
      item('incoming_payments', MoveToInboxIcon, { resource: 'incoming-payments', alsoFor: ['ADMIN'] }),
      item('unmatched_payments', LinkOffIcon, { resource: 'unmatched-payments' }),
      item('ledger', MenuBookIcon, { alsoFor: ['ADMIN'] }),
      item('failed_deliveries', MarkEmailUnreadIcon, { resource: 'failed-deliveries', alsoFor: ['COLLECTION', 'ADMIN'] }),
      item('print_batch', LocalPrintshopIcon, { alsoFor: ['COLLECTION', 'ADMIN'] }),
    ],
  },
  {
    role: 'ADMIN',
    items: [
      item('staff', PeopleIcon, { resource: 'staff' }),
      item('audit_trail', ManageSearchIcon, { resource: 'audit', path: '/audit' }),
      item('rule_settings', TuneIcon),
    ],
  },
];

/** Clients, debtors and invoices: every role looks them up, so they are in everyone's menu, once. */
export const shared: NavItem[] = [
  item('clients', StorefrontIcon, { resource: 'clients' }),
  item('debtors', BusinessIcon, { resource: 'debtors' }),
  item('invoices', ReceiptLongIcon, { resource: 'invoices' }),
];

/** The sections a person with these roles sees: their roles in the fixed order, then the shared one. */
export const navigationFor = (roles: readonly Role[] | undefined): NavSection[] => {
  const own: NavSection[] = navigation
    .filter((section) => roles?.includes(section.role))
    .map(({ role, items }) => ({ key: role, items }));
  return own.length ? [...own, { key: 'SHARED', items: shared }] : [];
};

/** The translation key of a section's heading. */
export const sectionTitle = (key: NavSection['key']): string =>
  key === 'SHARED' ? 'console.menu.shared_section' : `console.roles.${key}`;

/** Every screen a person with these roles may open: their menu, and the screens `alsoFor` them. */
export const screensFor = (roles: readonly Role[] | undefined): NavItem[] => {
  const inMenu = navigationFor(roles).flatMap((section) => section.items);
  const extra = navigation
    .flatMap((section) => section.items)
    .filter((entry) => entry.alsoFor?.some((role) => roles?.includes(role)) && !inMenu.some((own) => own.key === entry.key));
  return [...inMenu, ...extra];
};
