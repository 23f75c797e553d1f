import { SegmentValidityBoundaries1796590960286 } from './1796590960286-SegmentValidityBoundaries';
import { ReadGenerations1796590911623 } from './1796590911623-ReadGenerations';
import { TraceContext1796410644749 } from './1796410644749-TraceContext';
import { AutomaticSegments1796315221666 } from './1796315221666-AutomaticSegments';
import { CustomerSyncFields1796315042021 } from './1796315042021-CustomerSyncFields';
import { Webhooks1796309228991 } from './1796309228991-Webhooks';
import { EventEnvelope1796225950777 } from './1796225950777-EventEnvelope';
import { CategoryParentLookup1795399422439 } from './1795399422439-CategoryParentLookup';
import { CustomerAssignmentCreatedAt1795381691983 } from './1795381691983-CustomerAssignmentCreatedAt';
import { InitialSchema1795375951937 } from './1795375951937-InitialSchema';
/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  InitialSchema1795375951937,
  CustomerAssignmentCreatedAt1795381691983,
  CategoryParentLookup1795399422439,
  EventEnvelope1796225950777,
  Webhooks1796309228991,
  CustomerSyncFields1796315042021,
  AutomaticSegments1796315221666,
  TraceContext1796410644749,
  ReadGenerations1796590911623,
  SegmentValidityBoundaries1796590960286,
];
