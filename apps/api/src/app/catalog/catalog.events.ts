import { CategoryEventData, EventType, EventTypes, ProductEventData, ResourceType } from '@cs/contracts';
import { validityOf } from '../common/documents';
import { compareLockKeys } from '../database/lock-order';
import { CategoryValues, ProductValues } from './catalog.mapper';

/** What the categories or products of the catalog record when they change (docs/events.md). */
export interface CatalogEvents {
  resourceType: ResourceType;
  createdType: EventType;
  updatedType: EventType;
  deletedType: EventType;
}

export const CATEGORY_EVENTS: CatalogEvents = {
  resourceType: 'category',
  createdType: EventTypes.categoryCreated,
  updatedType: EventTypes.categoryUpdated,
  deletedType: EventTypes.categoryDeleted,
};

export const PRODUCT_EVENTS: CatalogEvents = {
  resourceType: 'product',
  createdType: EventTypes.productCreated,
  updatedType: EventTypes.productUpdated,
  deletedType: EventTypes.productDeleted,
};

/** The event data (without `metadata`) of the category `id` storing `values`: localized fields as the stored maps. */
export function categoryEventData(id: string, values: CategoryValues): Omit<CategoryEventData, 'metadata'> {
  const validity = validityOf(values.validity_from, values.validity_to);
  return {
    id,
    ...(values.parent_id !== null && { parentId: values.parent_id }),
    ...(values.code !== null && { code: values.code }),
    name: values.name,
    localizedDescription: values.description,
    localizedSlug: values.slug,
    ecn: values.ecn,
    ...(validity && { validity }),
    ...(values.position !== null && { position: values.position }),
    published: values.published,
    mixins: values.mixins,
  };
}

/**
 * The event data (without `metadata`) of the product `id` storing `values` in the categories `categoryIds`: each id
 * once, in the order the product's document lists them (`COLLATE "C"`, the order of lock keys).
 */
export function productEventData(
  id: string,
  values: ProductValues,
  categoryIds: readonly string[],
): Omit<ProductEventData, 'metadata'> {
  return {
    id,
    ...(values.code !== null && { code: values.code }),
    name: values.name,
    categoryIds: [...new Set(categoryIds)].sort((a, b) => compareLockKeys([a], [b])),
    mixins: values.mixins,
  };
}
