import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import {
  Avatar,
  Box,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  Stack,
  Typography,
} from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { navigationFor, sectionTitle, type NavItem } from './navigation';
import type { Role } from './types';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

const QueueCard = ({ item }: { item: NavItem }) => {
  const translate = useTranslate();
  const Icon = item.icon;
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea
        component={Link}
        to={item.path}
        data-testid={`dashboard-${item.testId.replace(/^menu-/, '')}`}
        sx={{ height: '100%', display: 'flex', alignItems: 'stretch', justifyContent: 'flex-start' }}
      >
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', width: '100%' }}>
          <Icon color="primary" sx={{ mt: 0.25 }} />
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
              {translate(`console.menu.${item.key}`)}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {translate(`console.queues.${item.key}`)}
            </Typography>
            {item.capability ? (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1, fontStyle: 'italic' }}>
                {translate('console.queues.coming', {
                  capability: translate(`console.capabilities.${item.capability}`),
                })}
              </Typography>
            ) : null}
          </Box>
          <ArrowForwardIcon fontSize="small" color="action" sx={{ alignSelf: 'center' }} />
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role[]>();
  const sections = navigationFor(permissions);
  const name = identity?.fullName ?? '';
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
              {translate(sections.length ? 'console.dashboard.intro' : 'console.dashboard.no_roles')}
            </Typography>
          </Box>
        </CardContent>
      </Card>
      {sections.map(({ key: section, items }) => (
        <Box key={section} component="section" sx={{ mb: 3 }} data-testid={`dashboard-section-${section.toLowerCase().replace(/_/g, '-')}`}>
          <Typography variant="overline" component="h2" color="text.secondary" sx={{ display: 'block', mb: 1, fontWeight: 600 }}>
            {translate(sectionTitle(section))}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' },
            }}
          >
            {items.map((item) => (
              <QueueCard key={item.key} item={item} />
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
};
