/**
 * Every rule outcome carries reasons: a stable machine-readable code plus a sentence a
 * person understands, in each language the product speaks (the client's program shows it;
 * staff read it in the console).
 */
export type Language = 'en' | 'sv' | 'nb';

export interface Reason<Code extends string = string> {
  code: Code;
  message: Record<Language, string>;
  /** The figures the rule looked at, so the outcome can be explained again later. */
  figures?: Record<string, string | number | boolean | null>;
}

export function reason<Code extends string>(
  code: Code,
  message: Record<Language, string>,
  figures?: Reason['figures'],
): Reason<Code> {
  return figures ? { code, message, figures } : { code, message };
}
