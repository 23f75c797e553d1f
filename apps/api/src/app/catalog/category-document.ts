import { Validity } from '@cs/dto';
import { validityOf } from '../common/documents';
import { Localized, localizedOrAbsent, localizedOutput } from '../common/localization';

/** The columns of a `catalog_category` row that its documents show. */
export interface CategoryColumns {
  id: string;
  parent_id: string | null;
  code: string | null;
  name: Localized;
  description: Localized;
  slug: Localized;
  ecn: string[];
  validity_from: Date | null;
  validity_to: Date | null;
  position: number | null;
  published: boolean;
}

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
