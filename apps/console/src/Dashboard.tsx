import { Alert, Avatar, Box, Button, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { useFormat } from './common/format';
import { Section } from './common/Section';
import { ExposureCheckCard, NoWorkYetCard, PayoutsDueCard, QUEUE_LINKS, QueueCard } from './home/HomeCards';
import { DecisionsChart, QueueAgeChart } from './home/HomeCharts';
import { fetchHome, type Home } from './home/queries';
import { navigationFor, navigation, sectionTitle, shared, type NavItem, type NavSection } from './navigation';
import type { Role } from './types';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' } } as const;

/** The screens of a section that have no counts on the home (yet): links beside the cards. */
const OtherScreens = ({ items }: { items: NavItem[] }) => {
  const translate = useTranslate();
  if (!items.length) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1.5 }}>
      {items.map((item) => {
        const Icon = item.icon;
        return (
          <Button
            key={item.key}
            component={Link}
            to={item.path}
            size="small"
            variant="outlined"
            startIcon={<Icon />}
            data-testid={`dashboard-${item.testId.replace(/^menu-/, '')}`}
            sx={{ textTransform: 'none' }}
          >
            {translate(`console.menu.${item.key}`)}
          </Button>
        );
      })}
    </Stack>
  );
};

/** A role's part of the home: its counted queues (what is due today first, for finance), then its other screens. */
const RoleSection = ({ sectionKey, items, home }: { sectionKey: NavSection['key']; items: NavItem[]; home: Home | undefined }) => {
  const translate = useTranslate();
  const counted = home?.sections.find((section) => section.role === sectionKey);
  const covered = new Set(counted?.queues.map((queue) => QUEUE_LINKS[queue.key].menuKey) ?? []);
  const payouts = sectionKey === 'FINANCE' ? (home?.payoutsDue ?? []) : [];
  const cards = [
    ...payouts.map((due) => <PayoutsDueCard key={`due-${due.book}`} due={due} />),
    ...(counted?.queues.map((queue) => <QueueCard key={queue.key} queue={queue} />) ?? []),
    ...(sectionKey === 'FINANCE' && home ? [<ExposureCheckCard key="exposure-check" check={home.exposureCheck} />] : []),
  ];
  return (
    <Box component="section" sx={{ mb: 3 }} data-testid={`dashboard-section-${sectionKey.toLowerCase().replace(/_/g, '-')}`}>
      <Typography variant="overline" component="h2" color="text.secondary" sx={{ display: 'block', mb: 1, fontWeight: 600 }}>
        {translate(sectionTitle(sectionKey))}
      </Typography>
      {cards.length ? <Box sx={grid}>{cards}</Box> : null}
      {counted && !counted.queues.length ? (
        <Box sx={grid}>
          <NoWorkYetCard testId={`home-no-work-${sectionKey.toLowerCase().replace(/_/g, '-')}`} />
        </Box>
      ) : null}
      <OtherScreens items={items.filter((item) => !covered.has(item.key))} />
    </Box>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const format = useFormat();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role[]>();
  const sections = navigationFor(permissions);
  const name = identity?.fullName ?? '';
  // Counted by the server for whoever is signed in: the key carries the person, so nothing of another session shows.
  const home = useQuery({
    queryKey: ['home', identity?.id],
    queryFn: ({ signal }) => fetchHome(signal),
    enabled: !!identity?.id && sections.length > 0,
    refetchInterval: 60_000,
  });
  // The roles shown: the person's own, and (for an admin) every role the home counts, in the menu's order.
  const counted = new Set(home.data?.sections.map((section) => section.role));
  const roleSections: NavSection[] = navigation
    .filter(({ role }) => sections.some((section) => section.key === role) || counted.has(role))
    .map(({ role, items }) => ({ key: role, items }));
  const shown: NavSection[] = sections.length ? [...roleSections, { key: 'SHARED', items: shared }] : [];
  const allQueues = home.data?.sections.flatMap((section) => section.queues) ?? [];
  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="dashboard">
      <Title title={translate('console.menu.dashboard')} />
      <Card sx={{ mb: 3 }}>
        <CardContent sx={{ display: 'flex', gap: 2.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Avatar sx={{ bgcolor: 'primary.main', width: 56, height: 56, fontSize: '1.3rem' }}>{initials(name)}</Avatar>
          <Box sx={{ flex: 1, minWidth: 240 }}>
            <Typography variant="h5" component="h1" data-testid="dashboard-welcome">
              {translate('console.dashboard.welcome', { name })}
            </Typography>
            {sections.length ? (
              <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                <Typography variant="body2" color="text.secondary">
                  {translate('console.dashboard.roles')}
                </Typography>
                {sections
                  .filter(({ key }) => key !== 'SHARED')
                  .map(({ key: role }) => (
                    <Chip key={role} size="small" color="primary" variant="outlined" label={translate(`console.roles.${role}`)} />
                  ))}
              </Stack>
            ) : null}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate(sections.length ? 'console.home.intro' : 'console.dashboard.no_roles')}
            </Typography>
          </Box>
        </CardContent>
      </Card>
      {home.isPending && sections.length ? <LinearProgress sx={{ mb: 2 }} aria-label={translate('console.home.loading')} /> : null}
      {home.isError ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="home-load-failed">
          {translate('console.home.load_failed')}
        </Alert>
      ) : null}
      {shown.map(({ key, items }) => (
        <RoleSection key={key} sectionKey={key} items={items} home={home.data} />
      ))}
      {home.data && (home.data.decisionsPerDay.length || allQueues.length) ? (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: home.data.decisionsPerDay.length && allQueues.length ? '3fr 2fr' : '1fr' } }}>
          {home.data.decisionsPerDay.length ? (
            <Section title="console.home.charts.decisions_title" testId="home-decisions" fill>
              <DecisionsChart days={home.data.decisionsPerDay} />
            </Section>
          ) : null}
          {allQueues.length ? (
            <Section title="console.home.charts.queue_ages_title" testId="home-queue-ages" fill>
              <QueueAgeChart queues={allQueues} />
            </Section>
          ) : null}
        </Box>
      ) : null}
      {home.data ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 2 }} data-testid="home-counted-at">
          {translate('console.home.counted_at', { time: new Date(home.data.countedAt).toLocaleTimeString(format.locale, { hour: '2-digit', minute: '2-digit' }) })}
        </Typography>
      ) : null}
    </Box>
  );
};
