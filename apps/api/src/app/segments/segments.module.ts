import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SegmentEntity } from './segment.entity';
import { SegmentsController } from './segments.controller';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';
import { ValidityAnnouncer } from './validity-announcer';
import { ValidityBoundariesRepository } from './validity-boundaries.repository';
import { SegmentValidityBoundaryEntity } from './validity-boundary.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SegmentEntity, SegmentValidityBoundaryEntity])],
  controllers: [SegmentsController],
  providers: [SegmentsRepository, SegmentsService, ValidityBoundariesRepository, ValidityAnnouncer],
})
export class SegmentsModule {}
