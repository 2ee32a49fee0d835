/**
 * Mosaic's translation function: what Mosaic used of i18next (whose 16 KB compressed every page
 * downloaded), with i18next's rules, so that messages read exactly as they did
 * (tests/unit/translate.test.ts compares the two over every message of every language):
 *
 * - a key is a path of names joined by dots (`entry.title`; a name may hold dots too), looked up
 *   in the language's messages, then in the fallback language's, then `defaultValue`, then the
 *   key itself is shown;
 * - with a numeric `count`, a message has plural forms picked by `Intl.PluralRules` (`x_one`,
 *   `x_other`; Arabic uses all six), `x_zero` first for a count of 0, the bare key last;
 * - `{{name}}` is replaced by the value of that name (a path, `{{a.b}}`, reaches into objects;
 *   `{{- name}}` is the same, as nothing is escaped), `{{name, format}}` by a formatter's result;
 *   a name not given (or given as undefined, when formatted) leaves its placeholder as written,
 *   one given as undefined or null leaves nothing.
 */
export type TOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type Translate = (key: string, options?: TOptions) => string;
export type Formatter = (value: unknown, language: string) => string;

type Tree = Record<string, unknown>;

function valueAt(tree: unknown, path: string): unknown {
  let node = tree;
  for (const name of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Tree)[name];
  }
  return node;
}

/**
 * A message by its key where names themselves hold dots (`audit.action` has `people.erased`):
 * from the left, the shortest run of names that leads somewhere, as i18next reads them.
 */
function messageAt(tree: unknown, key: string): unknown {
  const simple = valueAt(tree, key);
  if (simple !== undefined) return simple;
  const names = key.split(".");
  let node = tree;
  for (let i = 0; i < names.length;) {
    if (node === null || typeof node !== "object") return undefined;
    let next: unknown;
    let path = "";
    for (let j = i; j < names.length; j++) {
      path = j === i ? names[j]! : `${path}.${names[j]}`;
      next = (node as Tree)[path];
      if (next === undefined) continue;
      // a message before the last name does not end the search: a longer name may follow
      if (typeof next !== "object" && j < names.length - 1) continue;
      i = j + 1;
      break;
    }
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

const rulesOf = new Map<string, Intl.PluralRules>();
function pluralRules(language: string) {
  let rules = rulesOf.get(language);
  if (!rules) rulesOf.set(language, (rules = new Intl.PluralRules(language)));
  return rules;
}

const PLACEHOLDER = /{{(-?)(.+?)}}/g;

/** Fills a message's placeholders from `values` (see above). */
function interpolate(text: string, values: Tree, language: string, formatters: Record<string, Formatter>) {
  return text.replace(PLACEHOLDER, (placeholder, _unescaped: string, inside: string) => {
    const [name = "", ...format] = inside.trim().split(",");
    let value = valueAt(values, name.trim());
    const formatter = format.length ? formatters[format.join(",").trim()] : undefined;
    if (formatter && value !== undefined && value !== null) value = formatter(value, language);
    if (value === undefined) return Object.prototype.hasOwnProperty.call(values, inside.trim()) ? "" : placeholder;
    return value === null ? "" : String(value);
  });
}

/**
 * The translation function of `language`: `messages` are read at each call (so messages loaded
 * later count), `fallback` is the language tried next, if any.
 */
export function translator(
  language: string,
  messages: (language: string) => Tree | undefined,
  { fallback, formatters = {} }: { fallback?: string; formatters?: Record<string, Formatter> } = {},
): Translate {
  const languages = fallback && fallback !== language ? [language, fallback] : [language];
  return (key, options = {}) => {
    const { count } = options;
    const counted = count !== undefined && typeof count !== "string";
    let text: string | undefined;
    for (const code of languages) {
      const tree = messages(code);
      // the bare key last, the zero form first
      const keys = counted
        ? [...(count === 0 ? [`${key}_zero`] : []), `${key}_${pluralRules(code).select(count)}`, key]
        : [key];
      for (const candidate of keys) {
        const found = messageAt(tree, candidate);
        if (typeof found === "string") {
          text = found;
          break;
        }
      }
      if (text !== undefined) break;
    }
    text ??= options.defaultValue ?? key;
    return text.includes("{{") ? interpolate(text, options, language, formatters) : text;
  };
}
