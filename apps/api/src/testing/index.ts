export * from './test-server';
export * from './sql-snapshot';
/** For probe routes in tests, declared exactly as feature routes are. */
export { Public, RequiresScopes } from '../app/decorators/auth.decorators';
/** Stored rows, derived from the entities (the one declaration of each table). */
export type { Row } from '../app/database/columns';
export type { SegmentEntity } from '../app/segments/segment.entity';
export type { CustomerAssignmentEntity } from '../app/customer-assignments/customer-assignment.entity';
export type { ItemAssignmentEntity } from '../app/item-assignments/item-assignment.entity';
export type { CategoryEntity } from '../app/catalog/category.entity';
export type { ProductCategoryEntity, ProductEntity } from '../app/catalog/product.entity';
export type { ContactAssignmentEntity } from '../app/customer-management/contact-assignments/contact-assignment.entity';
export type { CustomerEntity } from '../app/customer-management/customers/customer.entity';
export type { LegalEntityEntity } from '../app/customer-management/legal-entities/legal-entity.entity';
export type { LocationEntity } from '../app/customer-management/locations/location.entity';
export * from './nats-server';
/** Every migration in order, and the advisory lock their application holds: for the tests of replicas starting together. */
export { MIGRATIONS } from '../app/database/migrations';
export { MIGRATIONS_LOCK_KEY } from '../app/database/migrations-lock';
/** Where `METRICS_PORT=0` put the metrics (`.port`). */
export { MetricsServer } from '../app/metrics/metrics-server';
