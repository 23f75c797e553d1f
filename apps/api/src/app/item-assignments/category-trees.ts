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
    const { view, siteCode } = scope;
    return this.readModel.selectedAnswer(
      'trees',
      ctx.tenant,
      view,
      { siteCode, onlyActive: true },
      [ctx.languages],
      async (segmentIds) => {
        const rows = await this.items.categoryTreeRows(ctx.tenant, segmentIds ? { segmentIds } : scope);
        return prepareJson(buildCategoryTrees(rows, ctx.languages));
      },
    );
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
