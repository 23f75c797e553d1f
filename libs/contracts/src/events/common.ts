/** A localized text: language tag -> text. */
export type LocalizedMap = Record<string, string>;

/** The `metadata` of a document in an event: as the API returns it, timestamps in ISO 8601 UTC. */
export interface EventMetadata {
  version: number;
  createdAt: string;
  modifiedAt: string;
  mixins?: Record<string, string>;
}

/** A JSON value, as client data in documents (`mixins`) holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The `mixins` of a document in an event: mixin name -> its data. */
export type EventMixins = Record<string, JsonValue>;
