import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentRepository } from '../document.repository';
import { CUSTOMER_EVENTS } from './customer.events';
import { CustomerValues } from './customers.mapper';

/** Every statement of the customer data sync: the shared document statements (the data is read by joins elsewhere). */
@Injectable()
export class CustomersRepository extends DocumentRepository<CustomerValues> {
  constructor(dataSource: DataSource) {
    super(dataSource, 'customer', CUSTOMER_EVENTS);
  }
}
