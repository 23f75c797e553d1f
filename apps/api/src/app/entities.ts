import { CategoryEntity } from './catalog/category.entity';
import { ProductCategoryEntity, ProductEntity } from './catalog/product.entity';
import { ContactAssignmentEntity } from './customer-management/contact-assignments/contact-assignment.entity';
import { CustomerEntity } from './customer-management/customers/customer.entity';
import { LegalEntityEntity } from './customer-management/legal-entities/legal-entity.entity';
import { LocationEntity } from './customer-management/locations/location.entity';
import { CustomerAssignmentEntity } from './customer-assignments/customer-assignment.entity';
import { ItemAssignmentEntity } from './item-assignments/item-assignment.entity';
import { SegmentEntity } from './segments/segment.entity';
import { SegmentValidityBoundaryEntity } from './segments/validity-boundary.entity';
import { SegmentExclusionEntity } from './segment-rules/exclusions/exclusion.entity';
import { EventSequenceEntity, EventSinkCursorEntity, OutboxEntity } from './database/outbox.entity';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhooks/webhook.entities';

/**
 * Every table of the service: the data source of the app and of the migration tools reads this list, and
 * the migrations must produce exactly this schema (database/migrations.db.spec.ts). Each module registers its
 * own tables with `TypeOrmModule.forFeature`; entities.spec.ts checks that they add up to this list.
 */
export const ENTITIES = [
  SegmentEntity,
  SegmentValidityBoundaryEntity,
  SegmentExclusionEntity,
  CustomerAssignmentEntity,
  ItemAssignmentEntity,
  CategoryEntity,
  ProductEntity,
  ProductCategoryEntity,
  CustomerEntity,
  LegalEntityEntity,
  LocationEntity,
  ContactAssignmentEntity,
  OutboxEntity,
  EventSequenceEntity,
  EventSinkCursorEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
];
