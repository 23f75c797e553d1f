import { EventMetadata, LocalizedMap } from './common';

/**
 * Events of the catalog data the service keeps (`catalog.*`): its own family, because they announce copies of
 * catalog documents rather than segment changes (docs/events.md).
 */
export const CatalogEventTypes = {
  categoryCreated: 'catalog.category-created',
  categoryUpdated: 'catalog.category-updated',
  categoryDeleted: 'catalog.category-deleted',
  productCreated: 'catalog.product-created',
  productUpdated: 'catalog.product-updated',
  productDeleted: 'catalog.product-deleted',
} as const;

/** The category as stored after the change, localized fields as maps; absent optional fields are left out. */
export interface CategoryEventData {
  id: string;
  parentId?: string;
  code?: string;
  name: LocalizedMap;
  localizedDescription: LocalizedMap;
  localizedSlug: LocalizedMap;
  ecn: string[];
  validity?: { from?: string; to?: string };
  position?: number;
  published: boolean;
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

/** The product as stored after the change, its category ids sorted. */
export interface ProductEventData {
  id: string;
  code?: string;
  name: LocalizedMap;
  categoryIds: string[];
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

/** Event type -> the type of its `data`. */
export interface CatalogEventData {
  'catalog.category-created': CategoryEventData;
  'catalog.category-updated': CategoryEventData;
  'catalog.category-deleted': { id: string };
  'catalog.product-created': ProductEventData;
  'catalog.product-updated': ProductEventData;
  'catalog.product-deleted': { id: string };
}
