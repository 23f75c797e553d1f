import { Module } from '@nestjs/common';
import { CustomerAssignmentsController } from './customer-assignments.controller';
import { CustomerAssignmentsService } from './customer-assignments.service';

@Module({
  controllers: [CustomerAssignmentsController],
  providers: [CustomerAssignmentsService],
})
export class CustomerAssignmentsModule {}
