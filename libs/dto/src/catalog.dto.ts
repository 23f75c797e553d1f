import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  DocumentResponse,
  INT4_MAX,
  INT4_MIN,
  IsDateTime,
  IsInt4,
  IsLocalizedText,
  MixinsUpsert,
  Validity,
} from './common.dto';

/** Longest catalog id (category or product) the service stores. */
export const MAX_CATALOG_ID_LENGTH = 128;
const MAX_CODE_LENGTH = 255;

const LOCALIZED_INPUT: ApiPropertyOptions = {
  description:
    'A map language tag (e.g. `en`, `de-CH`) -> text, or a plain string in the language named by `Content-Language`.',
  oneOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'string' }],
};
const LOCALIZED_OUTPUT: ApiPropertyOptions = {
  description: 'A map language -> text, or with `Accept-Language` a plain string.',
  oneOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'string' }],
};

/** A category's validity as written: ISO-8601 dates or date-times. */
export class CatalogValidity extends Validity {
  @IsOptional()
  @IsDateTime({ dateOnly: true })
  override from?: string;

  @IsOptional()
  @IsDateTime({ dateOnly: true })
  override to?: string;
}

/** Fields both catalog documents share on writes. */
abstract class CatalogDocumentUpsert extends MixinsUpsert {
  @ApiProperty({ description: 'Unique identifier in the catalog (case-sensitive).', maxLength: MAX_CATALOG_ID_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CATALOG_ID_LENGTH)
  id!: string;

  @ApiPropertyOptional({ maxLength: MAX_CODE_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CODE_LENGTH)
  code?: string;

  @ApiPropertyOptional(LOCALIZED_INPUT)
  @IsOptional()
  @IsLocalizedText()
  name?: Record<string, string> | string;
}

export class CatalogCategoryUpsert extends CatalogDocumentUpsert {
  @ApiPropertyOptional({
    description: 'The parent category; it may arrive later. Absent or null: a root category.',
    maxLength: MAX_CATALOG_ID_LENGTH,
    nullable: true,
    type: 'string',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CATALOG_ID_LENGTH)
  parentId?: string | null;

  @ApiPropertyOptional(LOCALIZED_INPUT)
  @IsOptional()
  @IsLocalizedText()
  localizedDescription?: Record<string, string> | string;

  @ApiPropertyOptional(LOCALIZED_INPUT)
  @IsOptional()
  @IsLocalizedText()
  localizedSlug?: Record<string, string> | string;

  @ApiPropertyOptional({ type: [String], description: 'External category numbers.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  ecn?: string[];

  @ApiPropertyOptional({ type: CatalogValidity })
  @IsOptional()
  @ValidateNested()
  @Type(() => CatalogValidity)
  validity?: CatalogValidity;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: INT4_MIN,
    maximum: INT4_MAX,
    description: 'Position among the siblings (ascending).',
  })
  @IsOptional()
  @IsInt4()
  position?: number;

  @ApiPropertyOptional({ description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}

export class CatalogProductUpsert extends CatalogDocumentUpsert {
  @ApiPropertyOptional({
    type: [String],
    description: 'The categories the product sits in (they may arrive later). Replaces the stored list.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_CATALOG_ID_LENGTH, { each: true })
  categoryIds?: string[];
}

export class CatalogCategoryResponse extends DocumentResponse {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  parentId?: string;

  @ApiPropertyOptional()
  code?: string;

  @ApiProperty(LOCALIZED_OUTPUT)
  name!: Record<string, string> | string;

  @ApiPropertyOptional(LOCALIZED_OUTPUT)
  localizedDescription?: Record<string, string> | string;

  @ApiPropertyOptional(LOCALIZED_OUTPUT)
  localizedSlug?: Record<string, string> | string;

  @ApiProperty({ type: [String] })
  ecn!: string[];

  @ApiPropertyOptional({ type: Validity })
  validity?: Validity;

  @ApiPropertyOptional()
  position?: number;

  @ApiProperty()
  published!: boolean;
}

export class CatalogProductResponse extends DocumentResponse {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  code?: string;

  @ApiProperty(LOCALIZED_OUTPUT)
  name!: Record<string, string> | string;

  @ApiProperty({ type: [String], description: 'The categories the product sits in, sorted.' })
  categoryIds!: string[];
}
