import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoryTreesService } from './category-trees';
import { ItemAssignmentEntity } from './item-assignment.entity';
import { ItemAssignmentsController } from './item-assignments.controller';
import { ItemAssignmentsRepository } from './item-assignments.repository';
import { ItemAssignmentsService } from './item-assignments.service';
import { MatchController } from './match.controller';
import { MatchService } from './match.service';
import { ReadModelRepository } from './read-model.repository';
import { ReadModel } from './read-model.service';

@Module({
  imports: [TypeOrmModule.forFeature([ItemAssignmentEntity])],
  controllers: [MatchController, ItemAssignmentsController],
  providers: [
    ItemAssignmentsRepository,
    ItemAssignmentsService,
    CategoryTreesService,
    MatchService,
    ReadModelRepository,
    ReadModel,
  ],
})
export class ItemAssignmentsModule {}
