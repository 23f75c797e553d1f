import { Module } from '@nestjs/common';
import { ContactAssignmentsController } from './contact-assignments/contact-assignments.controller';
import { ContactAssignmentsService } from './contact-assignments/contact-assignments.service';
import { CustomersController } from './customers/customers.controller';
import { CustomersService } from './customers/customers.service';
import { LegalEntitiesController } from './legal-entities/legal-entities.controller';
import { LegalEntitiesService } from './legal-entities/legal-entities.service';
import { LocationsController } from './locations/locations.controller';
import { LocationsService } from './locations/locations.service';

/** Customer Management (B2B): legal entities, locations, contact assignments and the customer data sync. */
@Module({
  controllers: [LegalEntitiesController, LocationsController, ContactAssignmentsController, CustomersController],
  providers: [LegalEntitiesService, LocationsService, ContactAssignmentsService, CustomersService],
})
export class CustomerManagementModule {}
