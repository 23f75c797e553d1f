/**
 * Events of customer data.
 * Still empty: the types and their data are added by the change that records these events.
 */
export const CustomerEventTypes = {} as const;

/** Event type -> the type of its `data`. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by the change that records these events
export interface CustomerEventData {}
