import { ItemTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { ErrorDetailResponse } from './error.dto';

/** Longest item (product/category) id the service stores. */
export const MAX_ITEM_ID_LENGTH = 128;
/** Most product ids one match request may check. */
export const MAX_MATCH_ITEMS = 200;
/** Most segment ids one match request may name. */
export const MAX_MATCH_SEGMENTS = 1000;

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class ItemAssignmentMetadataUpdate {
  @ApiPropertyOptional({ description: 'The version the caller last saw; a different stored version makes the write a 409.', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'Mixin name -> link to the mixin JSON schema.', type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, string>;
}

export class ItemAssignmentUpsert {
  @ApiPropertyOptional({ description: 'A key-value map of additional attributes.', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, unknown>;

  @ApiPropertyOptional({ type: ItemAssignmentMetadataUpdate })
  @IsOptional()
  @ValidateNested()
  @Type(() => ItemAssignmentMetadataUpdate)
  metadata?: ItemAssignmentMetadataUpdate;
}

export class ItemAssignmentUpsertBulk extends ItemAssignmentUpsert {
  @ApiProperty({ description: 'Unique identifier of an existing product/category (itemId).', maxLength: MAX_ITEM_ID_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ITEM_ID_LENGTH)
  id!: string;
}

export class AssignedItem {
  @ApiProperty({ description: 'Unique identifier of the product/category.' })
  id!: string;

  @ApiPropertyOptional({ description: 'Code of the product/category, when the catalog data is known to the service.' })
  code?: string;

  @ApiPropertyOptional({ description: 'Localized name (a plain string with `Accept-Language`), when the catalog data is known to the service.', oneOf: [LOCALIZED, { type: 'string' }] })
  name?: Record<string, string> | string;
}

export class ItemAssignmentMetadataResponse {
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  modifiedAt!: string;

  @ApiProperty({ description: 'The document version number.' })
  version!: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  mixins?: Record<string, string>;
}

export class ItemAssignmentResponse {
  @ApiProperty({ description: 'Unique identifier of the customer segment.' })
  segmentId!: string;

  @ApiProperty({ type: AssignedItem })
  item!: AssignedItem;

  @ApiProperty({ enum: ItemTypes })
  type!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  mixins?: Record<string, unknown>;

  @ApiProperty({ type: ItemAssignmentMetadataResponse })
  metadata!: ItemAssignmentMetadataResponse;
}

export class ItemAssignmentsSearch {
  @ApiPropertyOptional({ description: 'A q-language query, e.g. `type:PRODUCT item.name.en:~hammer`.', example: 'type:PRODUCT' })
  q?: string;
}

/** One entry of a 207 answer of the item-assignment bulk endpoints. */
export class ItemAssignmentBulkResult {
  @ApiProperty({ description: 'Zero-based position of the item in the request body.' })
  index!: number;

  @ApiProperty({ description: 'HTTP status code of this item.' })
  code!: number;

  @ApiProperty({ description: 'HTTP status description.' })
  status!: string;

  @ApiPropertyOptional({ description: 'The item id, when known.' })
  id?: string;

  @ApiPropertyOptional({ description: 'Error message.' })
  message?: string;

  @ApiPropertyOptional({ type: [ErrorDetailResponse], description: 'The individual problems of a rejected item.' })
  details?: ErrorDetailResponse[];
}

export class CategoryTreeValidity {
  @ApiPropertyOptional({ format: 'date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  to?: string;
}

export class CategoryTreeNode {
  @ApiProperty({ description: 'Unique identifier of the category.' })
  id!: string;

  @ApiPropertyOptional({ description: 'The parent category (absent on roots).' })
  parentId?: string;

  @ApiProperty({ description: 'Code of the category.', nullable: true, type: 'string' })
  code!: string | null;

  @ApiProperty({ description: 'Localized name (a plain string with `Accept-Language`).', oneOf: [LOCALIZED, { type: 'string' }] })
  name!: Record<string, string> | string;

  @ApiPropertyOptional({ description: 'Localized description.', oneOf: [LOCALIZED, { type: 'string' }] })
  localizedDescription?: Record<string, string> | string;

  @ApiPropertyOptional({ description: 'Localized slug.', oneOf: [LOCALIZED, { type: 'string' }] })
  localizedSlug?: Record<string, string> | string;

  @ApiPropertyOptional({ description: 'External category numbers.', type: [String] })
  ecn?: string[];

  @ApiPropertyOptional({ type: CategoryTreeValidity })
  validity?: CategoryTreeValidity;

  @ApiPropertyOptional({ description: 'Position among the siblings.' })
  position?: number;

  @ApiProperty({ description: 'Whether the category is published.' })
  published!: boolean;

  @ApiProperty({ description: 'True exactly on the categories assigned to one of the segments the tree was built from.' })
  isSegmentAssigned!: boolean;

  @ApiProperty({ description: 'Subcategories, ordered by position, then id.', type: () => [CategoryTreeNode] })
  subcategories!: CategoryTreeNode[];
}

export class MatchItem {
  @ApiProperty({ description: 'Id of the product.', maxLength: MAX_ITEM_ID_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ITEM_ID_LENGTH)
  id!: string;
}

export class Match {
  @ApiProperty({ type: [MatchItem], description: `The products to check (at most ${MAX_MATCH_ITEMS}).`, maxItems: MAX_MATCH_ITEMS })
  @IsArray()
  @ArrayMaxSize(MAX_MATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => MatchItem)
  items!: MatchItem[];

  @ApiProperty({ type: [String], description: `The segments to check against (at most ${MAX_MATCH_SEGMENTS}).`, maxItems: MAX_MATCH_SEGMENTS })
  @IsArray()
  @ArrayMaxSize(MAX_MATCH_SEGMENTS)
  @IsString({ each: true })
  segmentIds!: string[];

  @ApiPropertyOptional({ description: 'Site code of the segments. Required unless `siteCode` is given.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  site?: string;

  @ApiPropertyOptional({ description: 'Alias of `site` (as in the Emporix example); `site` wins when both are given.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  siteCode?: string;
}
