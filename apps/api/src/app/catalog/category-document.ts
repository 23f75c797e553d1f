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

/**
 * A category's fields as the catalog read and the category trees show them, localized with
 * `languages`; empty or absent optional fields are left out. `code` is not among them: the two show
 * a missing code differently.
 */
export function categoryFields(row: CategoryColumns, languages: string[]) {
  const description = localizedOrAbsent(row.description, languages);
  const slug = localizedOrAbsent(row.slug, languages);
  const validity = validityOf(row.validity_from, row.validity_to);
  return {
    id: row.id,
    ...(row.parent_id !== null && { parentId: row.parent_id }),
    name: localizedOutput(row.name, languages) ?? {},
    ...(description !== undefined && { localizedDescription: description }),
    ...(slug !== undefined && { localizedSlug: slug }),
    ecn: row.ecn,
    ...(validity && { validity }),
    ...(row.position !== null && { position: row.position }),
    published: row.published,
  };
}
