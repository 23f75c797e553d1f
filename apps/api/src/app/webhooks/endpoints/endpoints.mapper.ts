import { WebhookEndpointCreate, WebhookEndpointResponse } from '@cs/dto';
import { metadataOf, withoutNulls } from '../../common/documents';
import { OwnColumns, SelectedRow } from '../../database/columns';
import { WebhookEndpointEntity } from '../webhook.entities';

/** The columns a client writes (a PUT replaces them all). */
export type EndpointValues = Pick<OwnColumns<WebhookEndpointEntity>, 'url' | 'description' | 'event_types' | 'active'>;

/**
 * An endpoint as the reads select it: without its secrets, the timestamps as ISO text. The previous secret is
 * only reported by when it stops signing.
 */
export type EndpointRow = Omit<
  SelectedRow<WebhookEndpointEntity>,
  'tenant' | 'secret' | 'previous_secret' | 'previous_secret_until' | 'failing_since'
> & { previous_secret_until: string | null; failing_since: string | null };

export function toRow(body: WebhookEndpointCreate): EndpointValues {
  return {
    url: body.url,
    description: body.description ?? null,
    event_types: body.eventTypes ?? [],
    active: body.active ?? true,
  };
}

export function toResponse(row: EndpointRow): WebhookEndpointResponse {
  return withoutNulls({
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    active: row.active,
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since,
    previousSecretExpiresAt: row.previous_secret_until,
    // Endpoints have no mixins, so neither has their metadata.
    metadata: metadataOf({ ...row, metadata_mixins: {} }),
  });
}
