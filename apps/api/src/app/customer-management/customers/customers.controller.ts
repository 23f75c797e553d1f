import { BulkItemResult, Scopes } from '@cs/contracts';
import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTenant } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { CUSTOMER_DOCS } from './customers.docs';
import { CustomersService } from './customers.service';

/**
 * Our extension to the Emporix API: the customer data (name, e-mail, phone) that contact
 * assignments embed, pushed by the tenant's customer service or an integration.
 */
@ApiTenant()
@Controller('customer-management/:tenant/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Put('bulk')
  @HttpCode(207)
  @Endpoint(CUSTOMER_DOCS.upsert, Scopes.contactAssignmentManage)
  upsert(@Param('tenant') tenant: string, @Body() items: unknown): Promise<BulkItemResult[]> {
    return this.customers.upsertBulk(tenant, items);
  }

  @Delete('bulk')
  @HttpCode(207)
  @Endpoint(CUSTOMER_DOCS.remove, Scopes.contactAssignmentManage)
  remove(@Param('tenant') tenant: string, @Body() ids: unknown): Promise<BulkItemResult[]> {
    return this.customers.deleteBulk(tenant, ids);
  }
}
