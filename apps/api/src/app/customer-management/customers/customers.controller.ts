import { BulkItemResult, MAX_BULK_ITEMS, Scopes } from '@cs/contracts';
import { CustomerSyncItem } from '@cs/dto';
import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBulk, ApiTenant } from '../../common/routes';
import { RequiresScopes } from '../../decorators/auth.decorators';
import { CustomersService } from './customers.service';

const BULK_NOTE = `At most ${MAX_BULK_ITEMS} items per request (more is a 400 and nothing is applied). The answer is 207 with one result per item, in request order (\`index\` is zero-based); one failing item does not affect the others.`;

/**
 * Our extension to the Emporix API: the customer data (name, e-mail, phone) that contact
 * assignments embed, pushed by the tenant's customer service or an integration.
 */
@ApiTags('Customers')
@ApiTenant()
@Controller('customer-management/:tenant/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Put('bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.contactAssignmentManage)
  @ApiOperation({
    operationId: 'PUT-customer-mgmt-upsert-customers-bulk',
    summary: 'Synchronising customer data',
    description: `Creates or replaces the data the service holds for each customer id (fields left out are cleared). Contact assignments show it as \`customer.name\` (firstName), \`surname\` (lastName), \`email\` and \`phone\`. Per item: 201 created, 204 replaced, 400 invalid. ${BULK_NOTE}`,
  })
  @ApiBulk(CustomerSyncItem)
  upsert(@Param('tenant') tenant: string, @Body() items: unknown): Promise<BulkItemResult[]> {
    return this.customers.upsertBulk(tenant, items);
  }

  @Delete('bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.contactAssignmentManage)
  @ApiOperation({
    operationId: 'DELETE-customer-mgmt-remove-customers-bulk',
    summary: 'Removing customer data',
    description: `Forgets the data of each customer id in the body (a JSON array of ids). Contact assignments of those customers stay and show only the customer id. Per item: 204 removed, 404 unknown, 400 invalid. ${BULK_NOTE}`,
  })
  @ApiBulk()
  remove(@Param('tenant') tenant: string, @Body() ids: unknown): Promise<BulkItemResult[]> {
    return this.customers.deleteBulk(tenant, ids);
  }
}
