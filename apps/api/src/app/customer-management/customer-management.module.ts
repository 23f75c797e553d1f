import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactAssignmentsController } from './contact-assignments/contact-assignments.controller';
import { ContactAssignmentEntity } from './contact-assignments/contact-assignment.entity';
import { ContactAssignmentsService } from './contact-assignments/contact-assignments.service';
import { CustomerEntity } from './customers/customer.entity';
import { CustomersController } from './customers/customers.controller';
import { CustomersService } from './customers/customers.service';
import { LegalEntitiesController } from './legal-entities/legal-entities.controller';
import { LegalEntitiesService } from './legal-entities/legal-entities.service';
import { LegalEntityEntity } from './legal-entities/legal-entity.entity';
import { LocationEntity } from './locations/location.entity';
import { LocationsController } from './locations/locations.controller';
import { LocationsService } from './locations/locations.service';

/** Customer Management (B2B): legal entities, locations, contact assignments and the customer data sync. */
@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, LegalEntityEntity, LocationEntity, ContactAssignmentEntity])],
  controllers: [LegalEntitiesController, LocationsController, ContactAssignmentsController, CustomersController],
  providers: [LegalEntitiesService, LocationsService, ContactAssignmentsService, CustomersService],
})
export class CustomerManagementModule {}
