import { isLanguageTag, LANGUAGE_TAG_RULE } from '@cs/contracts';
import { localizedTextProblem } from '@cs/dto';
import { BadRequestError } from '../errors/domain-errors';
import { ownValue } from './records';

export type Localized = Record<string, string>;

/** The language a `Content-Language` header names, or undefined for `*` / absent (values are maps); 400 unless a language tag. */
export function contentLanguage(header: string | undefined): string | undefined {
  const language = header?.split(',')[0]?.trim();
  if (!language || language === '*') return undefined;
  if (!isLanguageTag(language)) {
    throw new BadRequestError(`Content-Language must be ${LANGUAGE_TAG_RULE}, or *.`, undefined, [
      { field: 'Content-Language', message: `must be ${LANGUAGE_TAG_RULE}, or *` },
    ]);
  }
  return language;
}

/**
 * A localized field as written by the client: a map language tag -> text, or with a specific
 * `Content-Language` a plain string in that language. `previous` (the stored map, on updates)
 * keeps the other languages when a single language is written.
 */
export function localizedInput(
  field: string,
  value: unknown,
  language: string | undefined,
  previous?: Localized | null,
): Localized | undefined {
  if (value === undefined || value === null) return undefined;
  if (language) {
    if (typeof value !== 'string')
      throw new BadRequestError(`${field} must be a string when Content-Language is '${language}'.`, undefined, [
        { field, message: 'must be a string' },
      ]);
    return { ...(previous ?? {}), [language]: value };
  }
  const problem = localizedTextProblem(value, { mapOnly: true });
  if (problem)
    throw new BadRequestError(`${field} ${problem} (or send Content-Language for plain strings).`, undefined, [
      { field, message: problem },
    ]);
  return value as Localized;
}

/** Accept-Language entries in priority order (`de-CH, de;q=0.9, en;q=0.5` -> de-CH, de, en); empty for `*` / absent. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  const entries = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const quality = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), quality: quality ? Number(quality[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  if (!entries.length || entries[0].tag === '*') return [];
  return entries.map((entry) => entry.tag).filter((tag) => tag !== '*');
}

/**
 * A localized field as read: the whole map when no language was asked for, else the text of the
 * first accepted language that has one (a region tag also matches its base language), else the
 * text of any language, so that a reader always gets a value.
 */
export function localizedOutput(
  value: Localized | null | undefined,
  languages: string[],
): Localized | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!languages.length) return value;
  // Accept-Language names any text (`constructor`, `__proto__`): only the map's own languages count.
  for (const language of languages) {
    const text = ownValue(value, language) ?? ownValue(value, language.split('-')[0]);
    if (text !== undefined) return text;
  }
  const first = Object.values(value)[0];
  return first;
}

/** A localized field for output; an empty map is left out (undefined) rather than returned as `{}`. */
export function localizedOrAbsent(
  value: Localized | null | undefined,
  languages: string[],
): Localized | string | undefined {
  return value && Object.keys(value).length ? localizedOutput(value, languages) : undefined;
}
