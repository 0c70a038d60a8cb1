import { Box, ThemeProvider, type BoxProps, type Theme } from '@mui/material';
import { useEffect, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/*
 * Usable by everyone (issue 11, section 6): what every page needs to pass the WCAG 2.1 A and AA
 * rules, in one place rather than on each page.
 */

/**
 * Progress bars and spinners need a name (axe's aria-progressbar-name). Most are "loading", from
 * react-admin's own (the app bar's refresh, a list's first load) to ours: this gives every one
 * under it that name in the reader's language, unless it brings its own `aria-label`.
 */
export const AccessibleDefaults = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  // The page's language is the reader's (WCAG 3.1.1): a screen reader reads a Swedish page with Swedish voices.
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const loading = translate('console.a11y.loading');
  const withNames = useMemo(
    () => (outer: Theme) => ({
      ...outer,
      components: {
        ...outer.components,
        MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { 'aria-label': loading } },
        MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { 'aria-label': loading } },
      },
    }),
    [loading],
  );
  return <ThemeProvider theme={withNames}>{children}</ThemeProvider>;
};

/**
 * A box whose content may scroll (a wide table, a long JSON value). A person on the keyboard must
 * be able to focus it to scroll it (axe's scrollable-region-focusable), and a screen reader must
 * say what it is: `label` names it.
 */
export const ScrollRegion = ({ label, sx, children, ...rest }: BoxProps & { label: string }) => (
  <Box
    tabIndex={0}
    role="region"
    aria-label={label}
    sx={[
      { overflow: 'auto', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 } },
      ...(Array.isArray(sx) ? sx : [sx]),
    ]}
    {...rest}
  >
    {children}
  </Box>
);

/**
 * For a dialog's note or reason: Enter records it, Shift+Enter starts a new line, so a decision is
 * made from the keyboard without reaching for the button (a note is rarely more than a sentence).
 * Nothing happens while the button would be disabled (too short, or already sending).
 */
export const enterSubmits =
  (submit: () => void, allowed: boolean) =>
  (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (allowed) submit();
  };

/**
 * Moves the focus to the first element matching `selector` once it is on the page (it may be
 * re-rendered by a refresh just then); gives up after a couple of seconds.
 */
export const focusWhenShown = (selector: string, tries = 40) => {
  const element = document.querySelector<HTMLElement>(selector);
  if (element) element.focus();
  else if (tries > 0) window.setTimeout(() => focusWhenShown(selector, tries - 1), 50);
};

/**
 * After a dialog closes on a decision, puts the focus on `selector` (the next step) once the page
 * allows: the dialog first gives the focus back to the button that opened it (`opener`), and the
 * refresh that follows may remove that button, leaving the focus nowhere. For `within` ms the focus
 * is moved whenever it is nowhere, in a dialog or on the opener, never once the person moved it on.
 */
export const focusAfterDecision = (selector: string, opener: string, within = 2000) => {
  const until = Date.now() + within;
  const tick = () => {
    const target = document.querySelector<HTMLElement>(selector);
    const active = document.activeElement;
    const adrift = !active || active === document.body || !!active.closest('[role="dialog"]') || active.matches(opener);
    if (target && adrift && active !== target) target.focus();
    if (Date.now() < until) window.setTimeout(tick, 50);
  };
  tick();
};
