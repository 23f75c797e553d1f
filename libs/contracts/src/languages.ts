/**
 * The keys of localized maps and the value of `Content-Language`: a BCP 47-style language tag, i.e. a
 * 2-3 letter language followed by subtags of 1-8 letters or digits (`en`, `de-CH`, `zh-Hant-TW`,
 * `es-419`). Not a full BCP 47 check (no registry lookup): it keeps out empty keys, `-`, emoji,
 * spaces and the like, which no reader could ask for with `Accept-Language`.
 */
export const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
export const LANGUAGE_TAG_RULE =
  'a language tag such as en, de-CH or zh-Hant-TW (2-3 letters, then subtags of 1-8 letters or digits, separated by -)';

export const isLanguageTag = (value: string): boolean => LANGUAGE_TAG_PATTERN.test(value);
