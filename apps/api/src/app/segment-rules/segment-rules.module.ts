import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SegmentExclusionEntity } from './exclusions/exclusion.entity';
import { ExclusionsController } from './exclusions/exclusions.controller';
import { ExclusionsRepository } from './exclusions/exclusions.repository';
import { ExclusionsService } from './exclusions/exclusions.service';
import { SegmentRulesController } from './segment-rules.controller';
import { SegmentRulesRepository } from './segment-rules.repository';
import { SegmentRulesService } from './segment-rules.service';

/** Automatic segments beyond their criteria (segments/memberships.ts): previews, explanations, exclusions. */
@Module({
  imports: [TypeOrmModule.forFeature([SegmentExclusionEntity])],
  controllers: [SegmentRulesController, ExclusionsController],
  providers: [SegmentRulesRepository, SegmentRulesService, ExclusionsRepository, ExclusionsService],
})
export class SegmentRulesModule {}
