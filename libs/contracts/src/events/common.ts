/** A localized text: language tag -> text. */
export type LocalizedMap = Record<string, string>;

/** The `metadata` of a document in an event: as the API returns it, timestamps in ISO 8601 UTC. */
export interface EventMetadata {
  version: number;
  createdAt: string;
  modifiedAt: string;
  mixins?: Record<string, string>;
}
