import { Injectable } from '@nestjs/common';
import { isPoolExhausted } from '../database/pg-errors';
import { HealthRepository } from './health.repository';

/** The database as the readiness probe reports it. */
export type DatabaseState = 'up' | 'busy' | 'down';

@Injectable()
export class HealthService {
  constructor(private readonly health: HealthRepository) {}

  /** `busy` when every pooled connection stays in use past the acquire timeout, `down` on any other failure. */
  async database(): Promise<DatabaseState> {
    try {
      await this.health.ping();
      return 'up';
    } catch (error) {
      return isPoolExhausted(error) ? 'busy' : 'down';
    }
  }
}
