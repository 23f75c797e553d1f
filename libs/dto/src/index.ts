export * from './error.dto';
export * from './common.dto';
export * from './customer-assignments.dto';
export * from './item-assignments.dto';
export * from './catalog.dto';
export * from './segments.dto';
export * from './customer-management.dto';
export * from './webhooks.dto';
