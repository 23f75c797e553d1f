import { CategoryTreeNode } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { categoryFields } from '../catalog/catalog.mapper';
import { RequestContext } from '../common/request-context';
import { PreparedJson, prepareJson } from '../common/revalidation';
import { CategoryRow, CategoryTreeScope, ItemAssignmentsRepository } from './item-assignments.repository';
import { ReadModel } from './read-model.service';

@Injectable()
export class CategoryTreesService {
  constructor(
    private readonly items: ItemAssignmentsRepository,
    private readonly readModel: ReadModel,
  ) {}

  /** The trees, serialized; cached per segment selection, generations and languages when the read model holds the tenant. */
  async trees(ctx: RequestContext, scope: CategoryTreeScope): Promise<PreparedJson> {
    const build = async (of: CategoryTreeScope) =>
      prepareJson(buildCategoryTrees(await this.items.categoryTreeRows(ctx.tenant, of), ctx.languages));
    const snapshot = await this.readModel.open(ctx.tenant, scope.view);
    const segments = await snapshot?.segments();
    if (!snapshot || !segments) {
      if (snapshot) this.readModel.served('trees', 'database');
      return build(scope);
    }
    const segmentIds = snapshot.select(segments, { siteCode: scope.siteCode, onlyActive: true });
    const [trees, source] = await snapshot.answer(['trees', segmentIds, ctx.languages], () => build({ segmentIds }));
    this.readModel.served('trees', source);
    return trees;
  }
}

/**
 * Nests rows into trees. Rows come in sibling order, so appending keeps every level ordered.
 * A row whose parent is not among the rows (a root, or a parent missing from the catalog) is a root.
 */
export function buildCategoryTrees(rows: CategoryRow[], languages: string[]): CategoryTreeNode[] {
  const nodes = new Map(rows.map((row) => [row.id, toNode(row, languages)]));
  const roots: CategoryTreeNode[] = [];
  for (const row of rows) {
    const parent = row.parent_id !== null ? nodes.get(row.parent_id) : undefined;
    (parent ? parent.subcategories : roots).push(nodes.get(row.id) as CategoryTreeNode);
  }
  return roots;
}

function toNode(row: CategoryRow, languages: string[]): CategoryTreeNode {
  const node = categoryFields(row, languages) as CategoryTreeNode;
  node.code = row.code;
  node.isSegmentAssigned = row.isSegmentAssigned;
  node.subcategories = [];
  return node;
}
