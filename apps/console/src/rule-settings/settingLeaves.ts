import { NESTED_SETTING_KEY_ORDER, type RuleSettingKind } from '../types';

/**
 * The generated form of a nested setting (credit, spot checks): one input per leaf of the
 * value in force, named by its dotted path under `value` (value.debtor.WITH_RECOURSE.lateDenyShare),
 * which is also how the API names a field it refuses.
 */

/** `json`: a piece with no input of its own kind (a list, a yes/no, an empty object), typed as JSON. */
export type LeafKind = RuleSettingKind | 'json';

export interface SettingLeaf {
  /** Dotted, under `value`: `limitToleranceShare`, `debtor.WITH_RECOURSE.lateDenyShare`. */
  path: string;
  kind: LeafKind;
}

/**
 * The settings' amounts, in the currency with öre (libs/rules: AMOUNT_DECIMALS); every other
 * decimal is a share, rate or multiple with six (SHARE_DECIMALS). By the leaf's own key.
 */
const AMOUNT_KEYS: ReadonlySet<string> = new Set([
  'minimumAmount',
  'totalsTolerance',
  'concentrationMinClientExposure',
  'newDebtorMaxAmount',
  'personMaxAmount',
  'largeAmountThreshold',
]);

export const isAmountLeaf = (path: string) => AMOUNT_KEYS.has(path.split('.').pop() ?? '');

/** The most decimals a number of the setting holds, as the rules check it: the input refuses more. */
export const decimalsOf = (kind: LeafKind, path: string) => (kind === 'number' ? 0 : isAmountLeaf(path) ? 2 : 6);

/** The leaves in one nested object; `path` '' for the top level. */
export interface LeafGroup {
  path: string;
  leaves: SettingLeaf[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The typed JSON as an object, or null when it is not one. */
export const parseSettingsJson = (text: unknown): JsonObject | null => {
  try {
    const value: unknown = JSON.parse(String(text ?? ''));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
};

/** An amount or a share as the rules write it: "0.05", "100000.00", "5". */
const DECIMAL = /^-?\d+(\.\d+)?$/;

const kindOf = (piece: unknown): LeafKind =>
  typeof piece === 'number' ? 'number' : typeof piece === 'string' ? (DECIMAL.test(piece.trim()) ? 'decimal' : 'text') : 'json';

/** react-hook-form reads dots as nesting and digits as list positions: an object with such a key stays one JSON input. */
const nameable = (key: string) => /^[A-Za-z_$][\w$]*$/.test(key);

const rank = (key: string) => {
  const at = NESTED_SETTING_KEY_ORDER.indexOf(key);
  return at < 0 ? NESTED_SETTING_KEY_ORDER.length : at;
};

/** By the first key where two paths differ; keys not in the known order keep theirs (the sort is stable). */
const byPath = (a: SettingLeaf, b: SettingLeaf) => {
  const [as, bs] = [a.path.split('.'), b.path.split('.')];
  const at = as.findIndex((key, i) => key !== bs[i]);
  return at < 0 || at >= bs.length ? 0 : rank(as[at]) - rank(bs[at]);
};

/** The leaves of a value in the form's order. `kinds` (the in-force value's) wins over what a typed piece looks like. */
export function leavesOf(value: JsonObject, kinds: ReadonlyMap<string, LeafKind> = new Map()): SettingLeaf[] {
  const walk = (object: JsonObject, under: string): SettingLeaf[] =>
    Object.entries(object).flatMap(([key, piece]) => {
      const path = under ? `${under}.${key}` : key;
      const keys = isObject(piece) ? Object.keys(piece) : [];
      if (keys.length && keys.every(nameable)) return walk(piece as JsonObject, path);
      return [{ path, kind: kinds.get(path) ?? kindOf(piece) }];
    });
  return walk(value, '').sort(byPath);
}

export const kindsOf = (leaves: readonly SettingLeaf[]) => new Map(leaves.map(({ path, kind }) => [path, kind]));

/**
 * The leaves after editing as JSON: those of the typed value, plus every in-force one it left
 * out (shown empty, so that publishing says it is missing rather than the input vanishing).
 */
export function mergeLeaves(inForce: readonly SettingLeaf[], typed: readonly SettingLeaf[]): SettingLeaf[] {
  const clash = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const leftOut = inForce.filter((leaf) => !typed.some((other) => clash(other.path, leaf.path)));
  return [...typed, ...leftOut].sort(byPath);
}

/** The top level first, then each nested object in the form's order. */
export function groupsOf(leaves: readonly SettingLeaf[]): LeafGroup[] {
  const groups = new Map<string, SettingLeaf[]>([['', []]]);
  for (const leaf of leaves) {
    const parent = parentOf(leaf.path);
    groups.set(parent, [...(groups.get(parent) ?? []), leaf]);
  }
  return [...groups].filter(([, inside]) => inside.length > 0).map(([path, inside]) => ({ path, leaves: inside }));
}

export const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');

export const getIn = (object: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), object);

const setIn = (object: JsonObject, path: string, piece: unknown) => {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = object;
  for (const key of keys) {
    if (!isObject(at[key])) at[key] = {};
    at = at[key] as JsonObject;
  }
  at[last] = piece;
};

/** What an input shows for a piece of the value. */
export const textOf = (kind: LeafKind, piece: unknown): string =>
  piece === undefined
    ? ''
    : kind === 'json'
      ? JSON.stringify(piece)
      : piece === null
        ? ''
        : typeof piece === 'object'
          ? JSON.stringify(piece)
          : String(piece);

/** The form's values under `value`: nested as the value is, every leaf as text. */
export function textsOf(leaves: readonly SettingLeaf[], value: unknown): JsonObject {
  const texts: JsonObject = {};
  for (const { path, kind } of leaves) setIn(texts, path, textOf(kind, getIn(value, path)));
  return texts;
}

/**
 * A typed text as the API wants it: whole numbers as JSON numbers, amounts and shares as the
 * decimal strings the amount input holds ("0.20", already read the reader's way: issue 11 s.1),
 * words trimmed. What does not read as its kind goes as typed, never guessed at (a comma is not
 * swapped for a point: "0,20" is twenty hundredths in Swedish but a refused spelling in English),
 * so the API's own sentence says what is allowed.
 */
export function typedValue(kind: LeafKind, raw: unknown): unknown {
  const text = String(raw ?? '').trim();
  switch (kind) {
    case 'decimal':
      return text;
    case 'number': {
      const digits = text.replace(/[\s\u00a0]/g, '');
      return digits !== '' && Number.isFinite(Number(digits)) ? Number(digits) : text;
    }
    case 'json':
      return parseJsonOr(text);
    case 'text':
      return text;
  }
}

const parseJsonOr = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The value to send (or preview) from the form's texts under `value`. */
export function valueOf(leaves: readonly SettingLeaf[], texts: unknown): JsonObject {
  const value: JsonObject = {};
  for (const { path, kind } of leaves) setIn(value, path, typedValue(kind, getIn(texts, path)));
  return value;
}
