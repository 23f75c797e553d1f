export * from './test-server';
export * from './sql-snapshot';
/** For probe routes in tests, declared exactly as feature routes are. */
export { Public, RequiresScopes } from '../app/decorators/auth.decorators';
/** Stored rows, derived from the entities (the one declaration of each table). */
export type { Row } from '../app/database/columns';
export type { SegmentEntity } from '../app/segments/segment.entity';
export type { CustomerAssignmentEntity } from '../app/customer-assignments/customer-assignment.entity';
export type { ItemAssignmentEntity } from '../app/item-assignments/item-assignment.entity';
