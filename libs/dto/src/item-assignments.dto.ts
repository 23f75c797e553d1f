import { ItemTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DocumentResponse, MixinsUpsert, Validity } from './common.dto';

/** Longest item (product/category) id the service stores. */
export const MAX_ITEM_ID_LENGTH = 128;
/** Most product ids one match request may check. */
export const MAX_MATCH_ITEMS = 200;
/** Most segment ids one match request may name. */
export const MAX_MATCH_SEGMENTS = 1000;

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class ItemAssignmentUpsertBulk extends MixinsUpsert {
  @ApiProperty({
    description: 'Unique identifier of an existing product/category (itemId).',
    maxLength: MAX_ITEM_ID_LENGTH,
  })
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

  @ApiPropertyOptional({
    description:
      'Localized name (a plain string with `Accept-Language`), when the catalog data is known to the service.',
    oneOf: [LOCALIZED, { type: 'string' }],
  })
  name?: Record<string, string> | string;
}

export class ItemAssignmentResponse extends DocumentResponse {
  @ApiProperty({ description: 'Unique identifier of the customer segment.' })
  segmentId!: string;

  @ApiProperty({ type: AssignedItem })
  item!: AssignedItem;

  @ApiProperty({ enum: ItemTypes })
  type!: string;
}

export class CategoryTreeNode {
  @ApiProperty({ description: 'Unique identifier of the category.' })
  id!: string;

  @ApiPropertyOptional({ description: 'The parent category (absent on roots).' })
  parentId?: string;

  @ApiProperty({ description: 'Code of the category.', nullable: true, type: 'string' })
  code!: string | null;

  @ApiProperty({
    description: 'Localized name (a plain string with `Accept-Language`).',
    oneOf: [LOCALIZED, { type: 'string' }],
  })
  name!: Record<string, string> | string;

  @ApiPropertyOptional({ description: 'Localized description.', oneOf: [LOCALIZED, { type: 'string' }] })
  localizedDescription?: Record<string, string> | string;

  @ApiPropertyOptional({ description: 'Localized slug.', oneOf: [LOCALIZED, { type: 'string' }] })
  localizedSlug?: Record<string, string> | string;

  @ApiPropertyOptional({ description: 'External category numbers.', type: [String] })
  ecn?: string[];

  @ApiPropertyOptional({ type: Validity })
  validity?: Validity;

  @ApiPropertyOptional({ description: 'Position among the siblings.' })
  position?: number;

  @ApiProperty({ description: 'Whether the category is published.' })
  published!: boolean;

  @ApiProperty({
    description: 'True exactly on the categories assigned to one of the segments the tree was built from.',
  })
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
  @ApiProperty({
    type: [MatchItem],
    description: `The products to check (at most ${MAX_MATCH_ITEMS}).`,
    maxItems: MAX_MATCH_ITEMS,
  })
  // Checked by the match service in one pass (class-validator's nested validation of 200 objects is slow).
  @Allow()
  items!: MatchItem[];

  @ApiProperty({
    type: [String],
    description: `The segments to check against (at most ${MAX_MATCH_SEGMENTS}).`,
    maxItems: MAX_MATCH_SEGMENTS,
  })
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

/** One way a matched product reaches the customer (`POST segments/match?explain=true`). */
export class MatchReason {
  @ApiProperty({ description: 'The segment whose item assignment grants the product.' })
  segmentId!: string;

  @ApiProperty({
    enum: ['PRODUCT', 'CATEGORY'],
    description: '`PRODUCT`: the product is assigned itself; `CATEGORY`: through a category assignment.',
  })
  type!: 'PRODUCT' | 'CATEGORY';

  @ApiPropertyOptional({
    type: [String],
    description:
      "With `CATEGORY`: the shortest category chain, from one of the product's own categories up to the assigned " +
      'category (both included; one element when the assigned category is one of its own).',
  })
  categoryChain?: string[];
}

/** A matched product; with `explain=true` also every segment that grants it, and how. */
export class MatchedItem {
  @ApiProperty({ description: 'Id of the product.' })
  id!: string;

  @ApiPropertyOptional({
    type: [MatchReason],
    description:
      'Only with `explain=true`: per granting segment (by id) one reason, `PRODUCT` when it assigns the product itself.',
  })
  matchedBy?: MatchReason[];
}
