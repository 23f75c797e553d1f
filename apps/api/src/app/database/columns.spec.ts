import { getMetadataArgsStorage } from 'typeorm';
import { CustomerAssignmentEntity } from '../customer-assignments/customer-assignment.entity';
import { ENTITIES } from '../entities';
import { SegmentEntity } from '../segments/segment.entity';
import { columnName, Row } from './columns';

/** The classes whose columns an entity has: itself and its ancestors (`TenantDocument`, `MixinDocument`). */
function lineage(entity: object): unknown[] {
  const classes: unknown[] = [];
  for (let target = entity; target !== Function.prototype; target = Object.getPrototypeOf(target)) classes.push(target);
  return classes;
}

describe('Row<Entity>', () => {
  const storage = getMetadataArgsStorage();

  it.each(ENTITIES.map((entity) => [entity.name, entity]))(
    '%s: every column is named as Row derives it (snake_case of the property)',
    (_, entity) => {
      const classes = lineage(entity);
      const columns = storage.columns.filter((column) => classes.includes(column.target));
      expect(columns.length).toBeGreaterThan(0);
      const names = columns.map((column) => [column.propertyName, column.options.name ?? column.propertyName]);
      expect(names).toEqual(columns.map((column) => [column.propertyName, columnName(column.propertyName)]));
      // Relations are optional properties, which Row leaves out; none may shadow a column.
      const relations = storage.relations.filter((relation) => classes.includes(relation.target));
      for (const relation of relations)
        expect(names.map(([property]) => property)).not.toContain(relation.propertyName);
    },
  );

  it('has exactly the columns of the entity under their column names (checked by the type checker)', () => {
    // Each literal must name every key of the row type and nothing else, or the spec does not compile.
    const segment: Record<keyof Row<SegmentEntity>, true> = {
      tenant: true,
      id: true,
      name: true,
      description: true,
      status: true,
      site_code: true,
      criteria: true,
      validity_from: true,
      validity_to: true,
      mixins: true,
      metadata_mixins: true,
      version: true,
      created_at: true,
      modified_at: true,
    };
    const assignment: Record<keyof Row<CustomerAssignmentEntity>, true> = {
      tenant: true,
      segment_id: true,
      customer_id: true,
      legal_entity_id: true,
      assignment_type: true,
      mixins: true,
      metadata_mixins: true,
      version: true,
      created_at: true,
      modified_at: true,
    };
    expect(Object.keys(segment)).toHaveLength(14);
    expect(Object.keys(assignment)).not.toContain('segment');
    expect(columnName('metadataMixins')).toBe('metadata_mixins');
  });
});
