import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerAssignmentEntity } from './customer-assignment.entity';
import { CustomerAssignmentsController } from './customer-assignments.controller';
import { CustomerAssignmentsRepository } from './customer-assignments.repository';
import { CustomerAssignmentsService } from './customer-assignments.service';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerAssignmentEntity])],
  controllers: [CustomerAssignmentsController],
  providers: [CustomerAssignmentsRepository, CustomerAssignmentsService],
})
export class CustomerAssignmentsModule {}
