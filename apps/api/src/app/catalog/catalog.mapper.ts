import {
  CatalogCategoryResponse,
  CatalogCategoryUpsert,
  CatalogProductResponse,
  CatalogProductUpsert,
  Validity,
} from '@cs/dto';
import { mixinsAndMetadataOf, validityOf } from '../common/documents';
import { Localized, localizedInput, localizedOrAbsent, localizedOutput } from '../common/localization';
import { OwnColumns, Row, SelectedRow } from '../database/columns';
import { BadRequestError } from '../errors/domain-errors';
import { CategoryEntity } from './category.entity';
import { ProductEntity } from './product.entity';

/** The stored columns of a category write (column name -> value), as the upsert takes them. */
export type CategoryValues = Omit<OwnColumns<CategoryEntity>, 'id'>;

/** A `catalog_category` row as the repository reads it. */
export type CategoryRow = Omit<SelectedRow<CategoryEntity>, 'tenant'>;

/** The stored columns of a product write; its categories are rows of their own (`catalog_product_category`). */
export type ProductValues = Omit<OwnColumns<ProductEntity>, 'id'>;

/** A `catalog_product` row as the repository reads it, with the ids of its categories. */
export type ProductRow = Omit<SelectedRow<ProductEntity>, 'tenant'> & { category_ids: string[] };

/** The stored localized texts a single-language (`Content-Language`) write merges into. */
export type CategoryTexts = Pick<CategoryRow, 'name' | 'description' | 'slug'>;
export type ProductTexts = Pick<ProductRow, 'name'>;

/** The columns of a `catalog_category` row that its documents show (the category trees select only these). */
export type CategoryColumns = Pick<
  Row<CategoryEntity>,
  | 'id'
  | 'parent_id'
  | 'code'
  | 'name'
  | 'description'
  | 'slug'
  | 'ecn'
  | 'validity_from'
  | 'validity_to'
  | 'position'
  | 'published'
>;

export interface CategoryFields {
  id: string;
  parentId?: string;
  name: Localized | string;
  localizedDescription?: Localized | string;
  localizedSlug?: Localized | string;
  ecn: string[];
  validity?: Validity;
  position?: number;
  published: boolean;
}

/**
 * A category's fields as the catalog read and the category trees show them, localized with
 * `languages`; empty or absent optional fields are left out. `code` is not among them: the two show
 * a missing code differently.
 */
export function categoryFields(row: CategoryColumns, languages: string[]): CategoryFields {
  // Assigned property by property: trees build thousands of these per request.
  const fields: CategoryFields = {
    id: row.id,
    name: localizedOutput(row.name, languages) ?? {},
    ecn: row.ecn,
    published: row.published,
  };
  if (row.parent_id !== null) fields.parentId = row.parent_id;
  const description = localizedOrAbsent(row.description, languages);
  if (description !== undefined) fields.localizedDescription = description;
  const slug = localizedOrAbsent(row.slug, languages);
  if (slug !== undefined) fields.localizedSlug = slug;
  const validity = validityOf(row.validity_from, row.validity_to);
  if (validity) fields.validity = validity;
  if (row.position !== null) fields.position = row.position;
  return fields;
}

/**
 * The stored columns of a category upsert (PUT semantics: absent fields are reset). With `Content-Language`,
 * localized fields are plain strings merged into `previous` (the stored texts). An inverted validity is a 400.
 */
export function toCategoryRow(
  dto: CatalogCategoryUpsert,
  language: string | undefined,
  previous?: CategoryTexts,
): CategoryValues {
  const from = dto.validity?.from ? new Date(dto.validity.from) : null;
  const to = dto.validity?.to ? new Date(dto.validity.to) : null;
  if (from && to && from > to)
    throw new BadRequestError('validity.from must not be after validity.to.', dto.id, [
      { field: 'validity', message: 'from must not be after to' },
    ]);
  return {
    parent_id: dto.parentId ?? null,
    code: dto.code ?? null,
    name: localizedInput('name', dto.name, language, previous?.name) ?? {},
    description:
      localizedInput('localizedDescription', dto.localizedDescription, language, previous?.description) ?? {},
    slug: localizedInput('localizedSlug', dto.localizedSlug, language, previous?.slug) ?? {},
    ecn: dto.ecn ?? [],
    validity_from: from,
    validity_to: to,
    position: dto.position ?? null,
    published: dto.published ?? true,
    mixins: dto.mixins ?? {},
    metadata_mixins: dto.metadata?.mixins ?? {},
  };
}

/** The stored columns of a product upsert, like `toCategoryRow`. */
export function toProductRow(
  dto: CatalogProductUpsert,
  language: string | undefined,
  previous?: ProductTexts,
): ProductValues {
  return {
    code: dto.code ?? null,
    name: localizedInput('name', dto.name, language, previous?.name) ?? {},
    mixins: dto.mixins ?? {},
    metadata_mixins: dto.metadata?.mixins ?? {},
  };
}

export function toCategoryResponse(row: CategoryRow, languages: string[]): CatalogCategoryResponse {
  return {
    ...categoryFields(row, languages),
    ...(row.code !== null && { code: row.code }),
    ...mixinsAndMetadataOf(row),
  };
}

export function toProductResponse(row: ProductRow, languages: string[]): CatalogProductResponse {
  return {
    id: row.id,
    ...(row.code !== null && { code: row.code }),
    name: localizedOutput(row.name, languages) ?? {},
    categoryIds: row.category_ids,
    ...mixinsAndMetadataOf(row),
  };
}
