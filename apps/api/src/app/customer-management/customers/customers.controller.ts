import { BulkItemResult, Scopes } from '@cs/contracts';
import { Body, Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { CUSTOMER_DOCS } from './customers.docs';
import { CustomersService } from './customers.service';

/**
 * Our extension to the Emporix API: the customer data (name, e-mail, phone, preferences, B2B
 * properties, ... of the customer model) that contact assignments embed, pushed by the tenant's
 * customer service or an integration.
 */
@ApiTenant()
@Controller('customer-management/:tenant/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Put('bulk')
  @HttpCode(207)
  @Endpoint(CUSTOMER_DOCS.upsert, Scopes.contactAssignmentManage)
  upsert(@Ctx() ctx: RequestContext, @Body() items: unknown): Promise<BulkItemResult[]> {
    return this.customers.upsertBulk(ctx, items);
  }

  @Delete('bulk')
  @HttpCode(207)
  @Endpoint(CUSTOMER_DOCS.remove, Scopes.contactAssignmentManage)
  remove(@Ctx() ctx: RequestContext, @Body() ids: unknown): Promise<BulkItemResult[]> {
    return this.customers.deleteBulk(ctx, ids);
  }
}
