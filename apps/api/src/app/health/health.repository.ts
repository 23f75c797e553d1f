import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The statement of the readiness probe. */
@Injectable()
export class HealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One round trip on a pooled connection; rejects when none is to be had or the database does not answer. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
