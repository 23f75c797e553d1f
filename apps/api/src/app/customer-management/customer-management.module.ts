import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactAssignmentsController } from './contact-assignments/contact-assignments.controller';
import { ContactAssignmentEntity } from './contact-assignments/contact-assignment.entity';
import { ContactAssignmentsRepository } from './contact-assignments/contact-assignments.repository';
import { ContactAssignmentsService } from './contact-assignments/contact-assignments.service';
import { CustomerEntity } from './customers/customer.entity';
import { CustomersController } from './customers/customers.controller';
import { CustomersRepository } from './customers/customers.repository';
import { CustomersService } from './customers/customers.service';
import { LegalEntitiesController } from './legal-entities/legal-entities.controller';
import { LegalEntitiesRepository } from './legal-entities/legal-entities.repository';
import { LegalEntitiesService } from './legal-entities/legal-entities.service';
import { LegalEntityEntity } from './legal-entities/legal-entity.entity';
import { LocationEntity } from './locations/location.entity';
import { LocationsController } from './locations/locations.controller';
import { LocationsRepository } from './locations/locations.repository';
import { LocationsService } from './locations/locations.service';

/** Customer Management (B2B): legal entities, locations, contact assignments and the customer data sync. */
@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, LegalEntityEntity, LocationEntity, ContactAssignmentEntity])],
  controllers: [LegalEntitiesController, LocationsController, ContactAssignmentsController, CustomersController],
  providers: [
    LegalEntitiesRepository,
    LocationsRepository,
    ContactAssignmentsRepository,
    CustomersRepository,
    LegalEntitiesService,
    LocationsService,
    ContactAssignmentsService,
    CustomersService,
  ],
})
export class CustomerManagementModule {}
