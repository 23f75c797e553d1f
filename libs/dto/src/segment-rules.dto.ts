import { AssignmentType, AssignmentTypes, ContactType, ContactTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DocumentResponse, MixinsUpsert } from './common.dto';
import { ASSIGNMENT_ID_MAX_LENGTH, AssignedCustomer, AssignedLegalEntity } from './customer-assignments.dto';
import { MAX_CRITERIA_LENGTH } from './segments.dto';

export class CriteriaPreviewRequest {
  @ApiProperty({
    description: 'The criteria to try, as a segment would carry them (see `criteria` of the segment create body).',
    maxLength: MAX_CRITERIA_LENGTH,
    example: 'customer.active:true',
  })
  @IsString()
  @MaxLength(MAX_CRITERIA_LENGTH)
  criteria!: string;
}

/** One membership a criteria yields: a customer, and for B2B rules the legal entity. */
export class CriteriaMatch {
  @ApiProperty({ type: AssignedCustomer })
  customer!: AssignedCustomer;
  @ApiPropertyOptional({
    type: AssignedLegalEntity,
    description: 'For B2B criteria: the legal entity of the membership.',
  })
  legalEntity?: AssignedLegalEntity;
}

export class CriteriaPreviewResponse {
  @ApiProperty({ description: 'How many memberships the criteria yield now.' })
  totalCount!: number;
  @ApiProperty({
    description: 'Whether the criteria yield B2B memberships (they name `legalEntity.*` or `contactType`).',
  })
  b2b!: boolean;
  @ApiProperty({
    type: [CriteriaMatch],
    description: 'The requested page of them, by customer id, then legal entity id.',
  })
  matches!: CriteriaMatch[];
}

/** One condition of the criteria, evaluated for the customer. */
export class CriteriaTermEvaluation {
  @ApiPropertyOptional({
    description: 'The condition as written in the criteria (not shown to customer tokens).',
    example: 'customer.mixins.tier:gold',
  })
  term?: string;
  @ApiProperty({ description: 'The field the condition reads.', example: 'customer.mixins.tier' })
  field!: string;
  @ApiPropertyOptional({
    description: "The customer's value of the field (any JSON; absent when the customer has none).",
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  value?: unknown;
  @ApiProperty({ description: 'Whether the condition holds.' })
  matched!: boolean;
}

/** The criteria evaluated for the customer once (B2C rules), or per contact assignment (B2B rules). */
export class CriteriaEvaluation {
  @ApiPropertyOptional({
    type: AssignedLegalEntity,
    description: 'B2B rules: the legal entity of the contact assignment.',
  })
  legalEntity?: AssignedLegalEntity;
  @ApiPropertyOptional({ enum: ContactTypes, description: 'B2B rules: the type of the contact assignment.' })
  contactType?: ContactType;
  @ApiProperty({ description: 'Whether every term holds.' })
  matched!: boolean;
  @ApiProperty({ description: 'Whether an exclusion keeps this membership out although the terms hold.' })
  excluded!: boolean;
  @ApiProperty({ type: [CriteriaTermEvaluation] })
  terms!: CriteriaTermEvaluation[];
}

/** A membership the customer has in the segment. */
export class ExplainedMembership {
  @ApiPropertyOptional({ description: 'The legal entity of a B2B membership; absent for B2C.' })
  legalEntityId?: string;
  @ApiProperty({
    enum: AssignmentTypes,
    description: '`MANUAL`: written by a client, kept whatever the criteria say. `AUTOMATIC`: the criteria match.',
  })
  assignmentType!: AssignmentType;
}

export class MembershipExplanation {
  @ApiProperty()
  segmentId!: string;
  @ApiProperty()
  customerId!: string;
  @ApiProperty({ description: 'Whether the customer is in the segment (with any legal entity, or B2C).' })
  member!: boolean;
  @ApiProperty({ type: [ExplainedMembership], description: "The customer's assignments in the segment." })
  memberships!: ExplainedMembership[];
  @ApiProperty({
    type: [String],
    description: "The exclusions of the customer in the segment, by legal entity id ('' excludes every legal entity).",
  })
  exclusions!: string[];
  @ApiPropertyOptional({ description: 'The criteria of an automatic segment; absent for a manual one.' })
  criteria?: string;
  @ApiProperty({
    description: 'Whether the service holds data of the customer (criteria match only customers it holds).',
  })
  customerKnown!: boolean;
  @ApiProperty({
    type: [CriteriaEvaluation],
    description:
      'The criteria evaluated now: once for B2C criteria, once per contact assignment of the customer for B2B ones; empty for manual segments.',
  })
  evaluations!: CriteriaEvaluation[];
}

/** Identifies one exclusion in a bulk request: the customer, and the legal entity it applies to (omit it for all). */
export class ExclusionRemoveBulk {
  @ApiProperty({ description: 'Unique identifier of the customer.', maxLength: ASSIGNMENT_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  customerId!: string;

  @ApiPropertyOptional({
    description:
      'The legal entity the exclusion applies to. Omit it to exclude the customer in every legal entity and as a B2C member.',
    maxLength: ASSIGNMENT_ID_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  legalEntityId?: string;
}

/** One exclusion of a bulk upsert. */
export class ExclusionUpsertBulk extends IntersectionType(ExclusionRemoveBulk, MixinsUpsert) {}

/** A customer the segment's criteria must not take in; exclusions always return their `mixins`, also when empty. */
export class ExclusionResponse extends DocumentResponse {
  @ApiProperty({ description: 'Unique identifier of the excluded customer.' })
  customerId!: string;
  @ApiPropertyOptional({
    description:
      'The legal entity the exclusion applies to; absent: the customer is excluded in every legal entity and as a B2C member.',
  })
  legalEntityId?: string;
  // `required` explicitly: the inherited metadata makes it optional otherwise.
  @ApiProperty({
    required: true,
    type: Object,
    additionalProperties: true,
    description: 'A key-value map of additional attributes.',
  })
  override mixins!: Record<string, unknown>;
}
