/** saxon-js ships no type declarations; this is the part the Peppol validation uses. */
declare module 'saxon-js' {
  export function transform(
    options: { stylesheetInternal: unknown; sourceText: string; destination: 'serialized' },
    mode: 'sync',
  ): { principalResult: string };
}
