import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import type { NavItem } from '../navigation';

/**
 * The page of a queue not built yet: an empty state telling staff that its work arrives in a
 * coming release, so the menu can already show every role's full set of queues.
 */
export const QueuePlaceholder = ({ item }: { item: NavItem }) => {
  const translate = useTranslate();
  const Icon = item.icon;
  const title = translate(`console.menu.${item.key}`);
  return (
    <Card sx={{ mt: 2 }} data-testid="queue-placeholder" data-queue={item.key}>
      <Title title={title} />
      <CardContent>
        <Box
          sx={{
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            textAlign: 'center',
            py: { xs: 6, md: 10 },
            px: 2,
            gap: 1.5,
          }}
        >
          <Box
            sx={{
              width: 96,
              height: 96,
              borderRadius: '50%',
              bgcolor: 'action.hover',
              color: 'primary.main',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              mb: 1,
            }}
          >
            <Icon sx={{ fontSize: 52, opacity: 0.8 }} />
          </Box>
          <Typography variant="h5" component="h1" data-testid="queue-placeholder-title">
            {title}
          </Typography>
          <Typography variant="body1" color="text.secondary" data-testid="queue-placeholder-message" sx={{ maxWidth: 480 }}>
            {translate(`console.queues.coming_release.${item.key}`, { _: translate('console.queues.placeholder') })}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
