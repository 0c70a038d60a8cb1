import { useEffect, useRef } from 'react';
import { useFormContext } from 'react-hook-form';

/** The dotted names of the fields with an error (react-hook-form nests them: address.city). */
const errorNames = (errors: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== 'object' || key === 'ref') return [];
    const name = prefix ? `${prefix}.${key}` : key;
    return 'message' in value || 'type' in value ? [name] : errorNames(value as Record<string, unknown>, name);
  });

/**
 * Put inside a form: after a try to send, the first field with an error (the form's own
 * check or the API's, which names the field) is scrolled into the middle of the screen and
 * gets the focus, so the message under it is seen, not only a notice at the bottom (issue 11,
 * section 4). Errors that name no field (root) stay with the notice.
 */
export const ScrollToFirstError = () => {
  const { formState } = useFormContext();
  const marker = useRef<HTMLSpanElement>(null);
  const names = errorNames(formState.errors as Record<string, unknown>).filter((name) => name !== 'root' && !name.startsWith('root.'));
  const key = `${formState.submitCount}:${names.join(',')}`;
  useEffect(() => {
    if (!formState.submitCount || names.length === 0) return;
    // After the messages have been drawn under their fields.
    const frame = window.requestAnimationFrame(() => {
      const form = marker.current?.closest('form') ?? document;
      const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!first) return;
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    });
    return () => window.cancelAnimationFrame(frame);
    // `key` says what changed: the names and the count of tries.
  }, [key]);
  return <span ref={marker} hidden />;
};
