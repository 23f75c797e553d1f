// Customer Management Service: legal entities, locations, contact assignments and the customer data sync.
export * from './customer-management-common.dto';
export * from './customer-management-locations.dto';
export * from './customer-management-legal-entities.dto';
export * from './customer-management-contact-assignments.dto';
export * from './customer-management-customers.dto';
