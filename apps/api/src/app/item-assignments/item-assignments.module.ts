import { Module } from '@nestjs/common';
import { CategoryTreesService } from './category-trees';
import { ItemAssignmentsController } from './item-assignments.controller';
import { ItemAssignmentsService } from './item-assignments.service';
import { MatchController } from './match.controller';
import { MatchService } from './match.service';

@Module({
  controllers: [MatchController, ItemAssignmentsController],
  providers: [ItemAssignmentsService, CategoryTreesService, MatchService],
})
export class ItemAssignmentsModule {}
