// Generated from openapi.json by `npm run generate:client`. Do not edit.
export interface paths {
    "/customer-management/{tenant}/contact-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all contact assignments
         * @description Retrieves contact assignments filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). Each one embeds its legal entity (locations and approval group expanded) and the customer data the service holds. q fields: `legalEntity.id`, `legalEntity.name`, `legalEntity.type`, `legalEntity.parentId`, `legalEntity.legalInfo.legalName`, `legalEntity.legalInfo.taxRegistrationNumber`, `legalEntity.legalInfo.registrationAgency`, `legalEntity.legalInfo.countryOfRegistration`, `legalEntity.legalInfo.registrationId`, `legalEntity.legalInfo.registrationDate`, `legalEntity.accountLimit.currency`, `legalEntity.accountLimit.value`, `legalEntity.customerGroups.id`, `legalEntity.entitiesAddresses.id`, `legalEntity.approvalGroup.id`, `legalEntity.restrictions`, `legalEntity.mixins.*`, `legalEntity.metadata.mixins.*`, `legalEntity.metadata.version`, `legalEntity.metadata.createdAt`, `legalEntity.metadata.modifiedAt`, `id`, `type`, `primary`, `customer.id`, `customer.name`, `customer.surname`, `customer.email`, `customer.phone`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`.
         */
        get: operations["GET-customer-mgmt-list-contact-assignments"];
        put?: never;
        /**
         * Creating contact assignment
         * @description Assigns a customer (an employee) to a legal entity; the type is CONTACT when absent. The legal entity must exist (400 otherwise); the customer need not be known to the service (its data comes from the customer sync, `PUT .../customers/bulk`). `primary` is false when absent.
         */
        post: operations["POST-customer-mgmt-create-contact-assignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/contact-assignments/{contactAssignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieving a contact assignment */
        get: operations["GET-customer-mgmt-retrieve-contact-assignment"];
        /**
         * Upserting a contact assignment
         * @description Replaces the contact assignment, or creates it with this id (201). With `metadata.version` the write succeeds only on that version (409 otherwise); without it there is no check. The legal entity must exist (400 otherwise); the customer need not be known to the service (its data comes from the customer sync, `PUT .../customers/bulk`). `primary` is false when absent.
         */
        put: operations["PUT-customer-mgmt-update-contact-assignment"];
        post?: never;
        /**
         * Delete a contact assignment
         * @description Deletes the contact assignment and removes it from the approval group of every legal entity listing it (those legal entities get a new version).
         */
        delete: operations["DELETE-customer-mgmt-remove-contact-assignment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/customers/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Synchronising customer data
         * @description Creates or replaces the data the service holds for each customer id (fields left out are cleared): fields of the customer service's customer model. Contact assignments show it as `customer.name` (firstName), `surname` (lastName), `email` and `phone`. The customer's creation date in the customer service is `metadata.createdAt`. Per item: 201 created, 204 replaced, 400 invalid. At most 200 items per request (more is a 400 and nothing is applied). The answer is 207 with one result per item, in request order (`index` is zero-based); one failing item does not affect the others.
         */
        put: operations["PUT-customer-mgmt-upsert-customers-bulk"];
        post?: never;
        /**
         * Removing customer data
         * @description Forgets the data of each customer id in the body (a JSON array of ids). Contact assignments of those customers stay and show only the customer id. Per item: 204 removed, 404 unknown, 400 invalid. At most 200 items per request (more is a 400 and nothing is applied). The answer is 207 with one result per item, in request order (`index` is zero-based); one failing item does not affect the others.
         */
        delete: operations["DELETE-customer-mgmt-remove-customers-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/legal-entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all legal entities
         * @description Retrieves legal entities filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). With `customermanagement.legalentity_read` all legal entities of the tenant are returned; with only `customermanagement.legalentity_read_own` (a customer token) those the customer is a contact of (has a contact assignment to). q fields: `id`, `name`, `type`, `parentId`, `legalInfo.legalName`, `legalInfo.taxRegistrationNumber`, `legalInfo.registrationAgency`, `legalInfo.countryOfRegistration`, `legalInfo.registrationId`, `legalInfo.registrationDate`, `accountLimit.currency`, `accountLimit.value`, `customerGroups.id`, `entitiesAddresses.id`, `approvalGroup.id`, `restrictions`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`.
         */
        get: operations["GET-customer-mgmt-list-legal-entities"];
        put?: never;
        /**
         * Creating legal entity
         * @description Creates a legal entity (a company or its subsidiary); the type is COMPANY when absent. A SUBSIDIARY needs the `parentId` of an existing legal entity that is not the entity itself or one of its descendants; a COMPANY has no parent. `entitiesAddresses` must name existing locations and `approvalGroup` existing contact assignments (400 otherwise). Customer groups are stored as given (there is no IAM to synchronise with).
         */
        post: operations["POST-customer-mgmt-create-legal-entity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/legal-entities/{legalEntityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving a legal entity
         * @description Locations and approval group members are expanded.
         */
        get: operations["GET-customer-mgmt-retrieve-legal-entity"];
        /**
         * Upserting a legal entity
         * @description Replaces the legal entity, or creates it with this id (201). With `metadata.version` the write succeeds only on that version (409 otherwise); without it there is no check. A SUBSIDIARY needs the `parentId` of an existing legal entity that is not the entity itself or one of its descendants; a COMPANY has no parent. `entitiesAddresses` must name existing locations and `approvalGroup` existing contact assignments (400 otherwise). Customer groups are stored as given (there is no IAM to synchronise with).
         */
        put: operations["PUT-customer-mgmt-update-legal-entity"];
        post?: never;
        /**
         * Delete a legal entity
         * @description Deletes the legal entity together with everything subordinated to it, at once and in one transaction: its subsidiaries (recursively) and the contact assignments of all of them, which also leave the approval groups of other legal entities. Locations are independent documents and stay.
         */
        delete: operations["DELETE-customer-mgmt-remove-legal-entity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/legal-entities/{legalEntityId}/parent-hierarchy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving a legal entity with parent hierarchy
         * @description Returns the legal entity followed by its parent, its parent's parent and so on up to the top company. An unknown legal entity is a 404.
         */
        get: operations["GET-customer-mgmt-retrieve-legal-entity-parent-hierarchy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/legal-entities/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Searching with parameters for legal entities
         * @description Like the list, with q in the JSON body (for long queries). With `customermanagement.legalentity_read` all legal entities of the tenant are returned; with only `customermanagement.legalentity_read_own` (a customer token) those the customer is a contact of (has a contact assignment to).
         */
        post: operations["POST-customer-mgmt-search-legal-entities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all locations
         * @description Retrieves the locations of the tenant, filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). q fields: `id`, `name`, `type`, `contactDetails.addressLine1`, `contactDetails.addressLine2`, `contactDetails.city`, `contactDetails.state`, `contactDetails.postcode`, `contactDetails.countryCode`, `contactDetails.emails`, `contactDetails.phones`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`.
         */
        get: operations["GET-customer-mgmt-list-all-locations"];
        put?: never;
        /**
         * Creating location
         * @description Creates a location (address information of legal entities). Without `id` the service generates one.
         */
        post: operations["POST-customer-mgmt-create-location"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-management/{tenant}/locations/{locationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieving a location */
        get: operations["GET-customer-mgmt-retrieve-location"];
        /**
         * Upserting a location
         * @description Replaces the location, or creates it with this id (201). With `metadata.version` the write succeeds only on that version (409 otherwise).
         */
        put: operations["PUT-customer-mgmt-update-location"];
        post?: never;
        /**
         * Delete a location
         * @description Deletes the location and removes it from the `entitiesAddresses` of every legal entity listing it (those legal entities get a new version).
         */
        delete: operations["DELETE-customer-mgmt-remove-location"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/catalog/categories/{categoryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving a catalog category
         * @description **Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match. Reads one synchronised category back.
         */
        get: operations["GET-customer-segment-retrieve-catalog-category"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/catalog/categories/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Synchronising catalog categories in bulk
         * @description **Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match. Upserts categories: 201 created, 204 updated, 400 invalid item, 409 version conflict. At most 200 items (more is a 400 and nothing is applied); each item is applied on its own, in request order, and answers in the 207 body (`index` zero-based). PUT replaces the whole stored document (absent fields are reset); with `metadata.version`, a different stored version is a 409 for that item. Localized fields are maps, or with `Content-Language: <lang>` plain strings in that language (other stored languages are kept). A parent may arrive later, in the same or a later request (until then the category is a root of category trees, and match does not walk past it); a parent that is the category itself or one of its descendants is a 400 for that item.
         */
        put: operations["PUT-customer-segment-upsert-catalog-categories-bulk"];
        post?: never;
        /**
         * Removing catalog categories in bulk
         * @description **Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match. Removes categories by id (body: array of ids). At most 200 items (more is a 400 and nothing is applied); each item is applied on its own, in request order, and answers in the 207 body (`index` zero-based). Each item answers 204, also for an unknown id. Item assignments of the categories, product links to them and subcategories' parent ids stay: they lead nowhere (subcategories are roots of category trees, products in them no longer match through them) until a category with that id arrives again.
         */
        delete: operations["DELETE-customer-segment-remove-catalog-categories-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/catalog/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving a catalog product
         * @description **Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match. Reads one synchronised product back, with its category ids.
         */
        get: operations["GET-customer-segment-retrieve-catalog-product"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/catalog/products/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Synchronising catalog products in bulk
         * @description **Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match. Upserts products with the categories they sit in (`categoryIds` replaces the stored list; the categories may arrive later, and count for match once they do): 201 created, 204 updated, 400 invalid item, 409 version conflict. At most 200 items (more is a 400 and nothing is applied); each item is applied on its own, in request order, and answers in the 207 body (`index` zero-based). PUT replaces the whole stored document (absent fields are reset); with `metadata.version`, a different stored version is a 409 for that item. Localized fields are maps, or with `Content-Language: <lang>` plain strings in that language (other stored languages are kept).
         */
        put: operations["PUT-customer-segment-upsert-catalog-products-bulk"];
        post?: never;
        /**
         * Removing catalog products in bulk
         * @description **Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match. Removes products by id (body: array of ids). At most 200 items (more is a 400 and nothing is applied); each item is applied on its own, in request order, and answers in the 207 body (`index` zero-based). Each item answers 204, also for an unknown id. Item assignments of the products stay.
         */
        delete: operations["DELETE-customer-segment-remove-catalog-products-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reading the event feed
         * @description The tenant's events in commit order after the cursor `after` (the `id` of the last event read; absent: from the oldest
         *     still kept). Page by passing the last `id` again: a later read never returns an event before it, so nothing is missed.
         *     Every event has the same envelope (`Event`): `resource` and its per-resource `sequence` (1, 2, ... without gaps)
         *     tell a consumer what changed and whether it missed something; `data` is the payload of its `type`. Events stay
         *     readable for `EVENTS_RETENTION_DAYS` (30 by default). See docs/events.md.
         *
         *     `wait` long-polls: without events after the cursor the answer waits until one is recorded or `wait` seconds pass
         *     (then `[]`). At most `EVENTS_FEED_MAX_WAIT_SECONDS` (30 by default); beyond `EVENTS_FEED_MAX_WAITERS` (100) waiting
         *     requests at once the answer is 503 with `Retry-After`.
         *
         *     Needs `customersegment.event_read`, which customer tokens never carry.
         */
        get: operations["GET-customer-segment-retrieve-events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all customer segments
         * @description Retrieves all customer segments, ordered by id unless `sort` says otherwise. Customer tokens (`customersegment.segment_read_own`) see only ACTIVE segments, within their validity, that the customer is assigned to (B2B assignments only for the legal entities in the token, when it names any). q fields: `id`, `name.<lang>`, `description.<lang>`, `status`, `siteCode`, `validity.from`, `validity.to`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt` (without `.<lang>`: in any language).
         */
        get: operations["GET-customer-segment-retrieve-segments"];
        put?: never;
        /**
         * Creating a customer segment
         * @description Creates a new customer segment. `id` is optional (generated: 24 lowercase hex characters); custom ids are 1-66 characters of letters, digits, `_`, `.`, `:` and `-`, case-sensitive, and none of the route words `bulk`, `criteria`, `items`, `match`, `search`. An existing id is a 409. `status` defaults to INACTIVE; `validity.from` must not be after `validity.to`.
         */
        post: operations["POST-customer-segment-create-segment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving a customer segment
         * @description Retrieves the segment with the given id. Customer tokens (`customersegment.segment_read_own`) see only ACTIVE segments, within their validity, that the customer is assigned to (B2B assignments only for the legal entities in the token, when it names any). A segment the caller may not see is a 404.
         */
        get: operations["GET-customer-segment-retrieve-segment"];
        /**
         * Upserting a customer segment
         * @description Performs the `UPSERT` operation: replaces the segment with the given id, or creates it (custom id rules as on create). Optional fields left out are cleared. With `metadata.version`, a different stored version is a 409 and nothing changes.
         */
        put: operations["PUT-customer-segment-update-segment"];
        post?: never;
        /**
         * Deleting a customer segment
         * @description Removes the segment with the given id (204 also when it does not exist). A segment with customer or item assignments is only deleted with `forceDelete=true`, which removes the assignments in the same transaction; otherwise 400.
         */
        delete: operations["DELETE-customer-segment-remove-segment"];
        options?: never;
        head?: never;
        /**
         * Patching a customer segment
         * @description Partial update with [RFC 6902](https://datatracker.ietf.org/doc/html/rfc6902) operations `add`, `remove` and `replace` (others are a 400) on the segment as PUT takes it (`name`, `description`, `validity`, `status`, `siteCode`, `mixins`, `metadata.mixins`); the result is validated like a PUT body. With `Content-Language`, a plain string on `/name` or `/description` (and `remove`) addresses that language only. Concurrent patches of one segment are applied one after the other, each on the result of the previous one. Body: `application/json` or `application/json-patch+json`.
         */
        patch: operations["PATCH-customer-segment-update-segment"];
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all customer assignments for a customer segment
         * @description Retrieves all customer assignments (B2C and B2B) of the segment, by default in the order of `customer.id`, then `legalEntity.id` (B2C first). A segment that does not exist has no assignments (empty list). With `customersegment.segment_read_own` only (customer tokens), the list holds only the caller's own assignments, and is empty unless the segment is ACTIVE and currently valid. q fields: `customer.id`, `customer.firstName`, `customer.lastName`, `customer.email`, `legalEntity.id`, `legalEntity.name`, `assignmentType`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`. `legalEntity.id` is null for B2C assignments. `customer.firstName`, `lastName`, `email` and `legalEntity.name` come from the customer and legal entity data the service holds; without such data, only the `id` is returned.
         */
        get: operations["GET-customer-segment-retrieve-customers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * [B2C] Retrieving a customer assignment for a customer segment
         * @description Retrieves the customer's assignment without legal entity (B2C). `customer.firstName`, `lastName`, `email` and `legalEntity.name` come from the customer and legal entity data the service holds; without such data, only the `id` is returned.
         */
        get: operations["GET-customer-segment-retrieve-customer-by-customerId"];
        /**
         * [B2C] Updating a customer assignment for a customer segment
         * @description Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204). With `metadata.version`, a different stored version is a 409 and nothing changes. Assignments written here are of type `MANUAL`. A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body. An `AUTOMATIC` assignment (the segment's `criteria` maintain it) cannot be replaced: a 400 naming the exclusions route.
         */
        put: operations["PUT-customer-segment-update-customer-by-customerId"];
        post?: never;
        /**
         * [B2C] Removing a customer from customer segment
         * @description Removes the customer assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204. An `AUTOMATIC` assignment cannot be deleted (a 400 naming the exclusions route, which keeps a customer out); a manual one whose customer the segment's criteria match is followed by the customer's automatic join.
         */
        delete: operations["DELETE-customer-segment-remove-customer-by-customerId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * [B2B] Retrieving a customer assignment for a customer segment
         * @description Retrieves the customer's assignment for the legal entity (B2B). `customer.firstName`, `lastName`, `email` and `legalEntity.name` come from the customer and legal entity data the service holds; without such data, only the `id` is returned.
         */
        get: operations["GET-customer-segment-retrieve-customer"];
        /**
         * [B2B] Updating a customer assignment for a customer segment
         * @description Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204). With `metadata.version`, a different stored version is a 409 and nothing changes. Assignments written here are of type `MANUAL`. A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body. An `AUTOMATIC` assignment (the segment's `criteria` maintain it) cannot be replaced: a 400 naming the exclusions route.
         */
        put: operations["PUT-customer-segment-update-customer"];
        post?: never;
        /**
         * [B2B] Removing a customer from customer segment
         * @description Removes the customer assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204. An `AUTOMATIC` assignment cannot be deleted (a 400 naming the exclusions route, which keeps a customer out); a manual one whose customer the segment's criteria match is followed by the customer's automatic join.
         */
        delete: operations["DELETE-customer-segment-remove-customer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explaining why a customer is in a customer segment or not
         * @description Whether the customer is in the segment and why: the customer's assignments (`MANUAL` ones stay whatever the criteria say), its exclusions, and each term of the criteria with the customer's value and whether it holds, evaluated now: once for B2C criteria, once per contact assignment of the customer (legal entity and contact type) for B2B ones. Customer tokens (`customersegment.segment_read_own`) read only their own (403 otherwise), and only of segments that are ACTIVE and valid now (404 otherwise). A legal entity with the id `explanation` cannot be read through the B2B assignment path of this customer; list the assignments instead.
         */
        get: operations["GET-customer-segment-explain-membership"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/customers/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Updating customer assignments for a customer segment in bulk
         * @description Performs `UPSERT` operation for up to 200 items (more is a 400 and nothing is applied). Each item is applied on its own, in request order: 201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. An item repeating an earlier item's customerId/legalEntityId updates what that item wrote (204, last one wins).
         */
        put: operations["PUT-customer-segment-update-customers-bulk"];
        post?: never;
        /**
         * Removing customers from customer segment in bulk
         * @description Removes up to 200 customer assignments (more is a 400 and nothing is removed). Items are `{"customerId": "...", "legalEntityId": "..."}`; omit `legalEntityId` for B2C. Each item answers 204, also when the assignment did not exist; an invalid item answers 400.
         */
        delete: operations["DELETE-customer-segment-remove-customers-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/customers/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Searching with parameters for customer assignments
         * @description Returns the customer assignments of the segment that match `q` (sent in the body; same fields, paging and sorting as the GET list).
         */
        post: operations["POST-customer-segment-search-customers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving the exclusions of a customer segment
         * @description Retrieves the exclusions of the segment, by default in the order of `customerId`, then `legalEntityId` (exclusions of every legal entity first). A segment that does not exist has no exclusions (empty list). An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an `AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). `MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria. q fields: `customerId`, `legalEntityId`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`. `legalEntityId` is null for exclusions of every legal entity.
         */
        get: operations["GET-customer-segment-retrieve-exclusions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/exclusions/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving the exclusion of a customer from every legal entity
         * @description Retrieves the customer's exclusion without legal entity: from every legal entity and as a B2C member. An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an `AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). `MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria.
         */
        get: operations["GET-customer-segment-retrieve-exclusion-by-customerId"];
        /**
         * Excluding a customer from a customer segment in every legal entity
         * @description Performs `UPSERT` operation: creates the exclusion (201) or replaces its `mixins` and `metadata.mixins` (204). With `metadata.version`, a different stored version is a 409 and nothing changes. A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body. In the same transaction, an `AUTOMATIC` assignment the exclusion covers is removed (its `customer-assignment-deleted` event has `reason: 'excluded'`). An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an `AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). `MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria.
         */
        put: operations["PUT-customer-segment-update-exclusion-by-customerId"];
        post?: never;
        /**
         * Removing the exclusion of a customer from every legal entity
         * @description Removes the exclusion. Removing an exclusion that does not exist (or of a segment that does not exist) also answers 204. In the same transaction, the customer joins the segment again where its criteria match (a `customer-assignment-created` event with `reason: 'included'`).
         */
        delete: operations["DELETE-customer-segment-remove-exclusion-by-customerId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/exclusions/{customerId}/{legalEntityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving the exclusion of a customer for a legal entity
         * @description Retrieves the customer's exclusion for the legal entity (B2B memberships with it only). An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an `AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). `MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria.
         */
        get: operations["GET-customer-segment-retrieve-exclusion"];
        /**
         * Excluding a customer from a customer segment for a legal entity
         * @description Performs `UPSERT` operation: creates the exclusion (201) or replaces its `mixins` and `metadata.mixins` (204). With `metadata.version`, a different stored version is a 409 and nothing changes. A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body. In the same transaction, an `AUTOMATIC` assignment the exclusion covers is removed (its `customer-assignment-deleted` event has `reason: 'excluded'`). An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an `AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). `MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria.
         */
        put: operations["PUT-customer-segment-update-exclusion"];
        post?: never;
        /**
         * Removing the exclusion of a customer for a legal entity
         * @description Removes the exclusion. Removing an exclusion that does not exist (or of a segment that does not exist) also answers 204. In the same transaction, the customer joins the segment again where its criteria match (a `customer-assignment-created` event with `reason: 'included'`).
         */
        delete: operations["DELETE-customer-segment-remove-exclusion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/exclusions/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Updating exclusions of a customer segment in bulk
         * @description Performs `UPSERT` operation for up to 200 items (more is a 400 and nothing is applied). Each item is applied on its own, in request order: 201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. An item repeating an earlier item's customerId/legalEntityId updates what that item wrote (204, last one wins). The `AUTOMATIC` assignments the exclusions cover are removed in the same transaction (`reason: 'excluded'`). An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an `AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). `MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria.
         */
        put: operations["PUT-customer-segment-update-exclusions-bulk"];
        post?: never;
        /**
         * Removing exclusions of a customer segment in bulk
         * @description Removes up to 200 exclusions (more is a 400 and nothing is removed). Items are `{"customerId": "...", "legalEntityId": "..."}`; omit `legalEntityId` for an exclusion of every legal entity. Each item answers 204, also when the exclusion did not exist; an invalid item answers 400. The customers join the segment again where its criteria match, in the same transaction (`reason: 'included'`).
         */
        delete: operations["DELETE-customer-segment-remove-exclusions-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/exclusions/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Searching with parameters for exclusions
         * @description Returns the exclusions of the segment that match `q` (sent in the body; same fields, paging and sorting as the GET list).
         */
        post: operations["POST-customer-segment-search-exclusions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all item assignments for a customer segment
         * @description Retrieves the item assignments of the segment; a segment that does not exist (or that the caller cannot see) has none. Customer tokens (and any token without `customersegment.segment_read`) see only the items of the ACTIVE, currently valid segments the customer is assigned to (B2B assignments only for the legal entities the token acts for). `item.code` and `item.name` come from the catalog data the service holds (see the Catalog extension); without it, `item` has only the `id`. q fields: `segmentId`, `type`, `item.id`, `item.code`, `item.name.<lang>`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt` (without `.<lang>`: in any language). The default order is `segmentId`, `type`, `item.id`.
         */
        get: operations["GET-customer-segment-retrieve-segment-items"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/items/{type}/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving an item assignment
         * @description Retrieves an item assignment of the segment. Customer tokens (and any token without `customersegment.segment_read`) see only the items of the ACTIVE, currently valid segments the customer is assigned to (B2B assignments only for the legal entities the token acts for). (other assignments are a 404). `item.code` and `item.name` come from the catalog data the service holds (see the Catalog extension); without it, `item` has only the `id`. q fields: `segmentId`, `type`, `item.id`, `item.code`, `item.name.<lang>`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt` (without `.<lang>`: in any language). The default order is `segmentId`, `type`, `item.id`.
         */
        get: operations["GET-customer-segment-retrieve-item"];
        /**
         * Updating an item assignment
         * @description Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204); neither answer has a body. With `metadata.version`, a different stored version is a 409 and nothing changes. A segment that does not exist is a 404. The item need not be known to the service's catalog data.
         */
        put: operations["PUT-customer-segment-update-item"];
        post?: never;
        /**
         * Removing an assignment
         * @description Removes an item assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204.
         */
        delete: operations["DELETE-customer-segment-remove-item"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/items/{type}/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Updating item assignments to a customer segment in bulk
         * @description Performs `UPSERT` operation for up to 200 items `{id, mixins?, metadata?}` of the path's `type` (more is a 400 and nothing is applied). Each item is applied on its own, in request order: 201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. An unknown `type` is a 400 for the whole request.
         */
        put: operations["PUT-customer-segment-update-items-bulk"];
        post?: never;
        /**
         * Deleting item assignments to a customer segment in bulk
         * @description Removes up to 200 item assignments of the path's `type`; the body is an array of item ids, e.g. `["firstItemId", "secondItemId"]` (more than 200 is a 400 and nothing is removed). Each item answers 204, also when the assignment did not exist; an item that is not a non-empty string answers 400.
         */
        delete: operations["DELETE-customer-segment-remove-items-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/{segmentId}/items/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Searching with parameters for item assignments of a customer segment
         * @description Returns the item assignments of the segment that match `q` (sent in the body; same paging, sorting and visibility as the GET list). Customer tokens (and any token without `customersegment.segment_read`) see only the items of the ACTIVE, currently valid segments the customer is assigned to (B2B assignments only for the legal entities the token acts for). `item.code` and `item.name` come from the catalog data the service holds (see the Catalog extension); without it, `item` has only the `id`. q fields: `segmentId`, `type`, `item.id`, `item.code`, `item.name.<lang>`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt` (without `.<lang>`: in any language). The default order is `segmentId`, `type`, `item.id`.
         */
        post: operations["POST-customer-segment-search-items"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upserting customer segments in bulk
         * @description Upserts multiple customer segments, each with its `id` (each like the single upsert: 201 created, 204 updated, 400, 409).
         *
         *     At most 200 items; more is a 400 and nothing is applied. One failing item does not affect the others.
         */
        put: operations["PUT-customer-segment-update-segments-bulk"];
        /**
         * Creating customer segments in bulk
         * @description Creates multiple customer segments (each like the single create: 201 with the id, 400, 409).
         *
         *     At most 200 items; more is a 400 and nothing is applied. One failing item does not affect the others.
         */
        post: operations["POST-customer-segment-create-segments-bulk"];
        /**
         * Deleting customer segments in bulk
         * @description Removes the customer segments whose ids are given as a JSON array of strings, e.g. `["firstId", "secondId"]` (each like the single delete: 204, also for absent ids; 400 when it has assignments and forceDelete is not true).
         *
         *     At most 200 items; more is a 400 and nothing is applied. One failing item does not affect the others.
         */
        delete: operations["DELETE-customer-segment-remove-segments-bulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/criteria/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Previewing which customers a criteria would match
         * @description Evaluates `criteria` (the grammar and fields of a segment's `criteria`; mistakes are a 400 naming the position) over the customer data the service holds and answers how many memberships it yields and one page of them, by customer id and legal entity id. Nothing is saved; exclusions of a segment do not apply.
         */
        post: operations["POST-customer-segment-preview-criteria"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all items assignments for all customer segments
         * @description Retrieves the item assignments of all segments, filtered by `siteCode` and `onlyActive` (ACTIVE and currently valid segments only). Customer tokens (and any token without `customersegment.segment_read`) see only the items of the ACTIVE, currently valid segments the customer is assigned to (B2B assignments only for the legal entities the token acts for). `item.code` and `item.name` come from the catalog data the service holds (see the Catalog extension); without it, `item` has only the `id`. q fields: `segmentId`, `type`, `item.id`, `item.code`, `item.name.<lang>`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt` (without `.<lang>`: in any language). The default order is `segmentId`, `type`, `item.id`.
         */
        get: operations["GET-customer-segment-retrieve-segments-items"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/items/category-trees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving category trees for a customer segments
         * @description Retrieves the category trees of the CATEGORY items of the ACTIVE, currently valid segments the customer is assigned to (for a service token, without a customer, that also holds `customersegment.segment_read`: of all ACTIVE, currently valid segments). Each tree runs from a root category down to the assigned categories; `isSegmentAssigned` is true exactly on the assigned ones. An assigned category also brings all its own descendants (they hold the products the assignment covers; `isSegmentAssigned` false), so a storefront can render the whole assigned branch. Siblings are ordered by `position` (missing last), then `id`. Trees are built from the catalog data the service holds (see the Catalog extension): assigned categories unknown to it are left out, and a category whose parent is unknown is a root. Unpublished or expired categories are included with their `published` and `validity`, for the client to decide. Answered from the read model (cached per segment set and data version, always current), with an `ETag` for revalidation.
         */
        get: operations["GET-customer-segment-retrieve-category-trees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Checking which items belong to segment
         * @description Checks if the provided items match specified criteria - if ids of the products are assigned directly to one of the provided segments or indirectly through the category assignment. Only items assigned to the active segments will be returned. Returns the given product ids (in request order, each once) that are assigned to one of `segmentIds` which is ACTIVE, currently valid and of the site `site` (`siteCode` is accepted as an alias, as in the Emporix example): directly as a PRODUCT item, or as a CATEGORY item on one of the product's categories or any ancestor of them (per the catalog data the service holds, see the Catalog extension; categories it does not hold do not count). At most 200 items and 1,000 segment ids (more is a 400). Unknown ids simply do not match. Answered from the in-memory read model, always current: a commit is seen by every match that starts after it, and a validity window opens or closes at its instant.
         */
        post: operations["POST-customer-segment-check-match"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer-segment/{tenant}/segments/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Searching with parameters for customer segments
         * @description Returns all customer segments that match the q-language query in the body (same fields, paging and rules as the list). Customer tokens (`customersegment.segment_read_own`) see only ACTIVE segments, within their validity, that the customer is assigned to (B2B assignments only for the legal entities in the token, when it names any).
         */
        post: operations["POST-customer-segment-search-segments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process serves requests */
        get: operations["GET-health-liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers
         * @description Answers 503 while requests would get no database connection: `database` is `busy` when every pooled connection stays in use for `DB_ACQUIRE_TIMEOUT_MS`, `down` when the database cannot be reached, `migrating` while the process applies the pending migrations at start or waits for another process to apply them (it listens meanwhile: liveness answers 200, every other route 503 with `Retry-After`). `events` reports the event relay of this process (`on`, or `off` with `EVENTS_RELAY=false`) and the backlog of all relays: events not yet sequenced or not yet taken by every sink, and the age of the oldest in seconds (counted at most every 5 s). With `NATS_URL` set, `events.sinks.nats` shows the JetStream sink: `state` `connecting`, `up`, `down` (unreachable) or `failing` (connected, but JetStream does not acknowledge), and the `reason`. NATS never makes the service unready: writes go on, the backlog waits in the outbox and is published when NATS is back.
         */
        get: operations["GET-health-readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify issued tokens */
        get: operations["GET-oauth-jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issuing an access token (client credentials) */
        post: operations["POST-oauth-token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving all webhook endpoints
         * @description Retrieves the endpoints of the tenant (never their secrets), filtered by q, sorted (default: by id) and paged (16 per page by default). q fields: `id`, `url`, `description`, `active`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`.
         */
        get: operations["GET-webhook-list-endpoints"];
        put?: never;
        /**
         * Creating a webhook endpoint
         * @description Subscribes a URL to the events of the tenant: each one is POSTed to it, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature` headers). The answer holds the generated `id` and the signing `secret` (`whsec_...`): **the secret is shown only here and by the rotation**, no read returns it. `url` must be an absolute `https` URL without credentials or fragment that does not point to `localhost` or a loopback, link-local or private address (`http` and those addresses are allowed only with `WEBHOOKS_ALLOW_PRIVATE=true`, for local use). Host names are checked again against what they resolve to on every attempt. `eventTypes` selects the events: exact event types (`customer-segment.segment-created`) and family prefixes (`customer-segment.*`, `client-management.*`); empty or absent means every event, and an unknown type or prefix is a 400. A tenant has at most 100 endpoints: one more is a 409. Creating an endpoint does not contact it.
         */
        post: operations["POST-webhook-create-endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieving a webhook endpoint
         * @description The endpoint without its secrets: `disabledReason` says why the service disabled it (`gone`: it answered 410; `failing`: every attempt failed for `WEBHOOKS_DISABLE_AFTER`), `previousSecretExpiresAt` until when the previous secret still signs after a rotation.
         */
        get: operations["GET-webhook-retrieve-endpoint"];
        /**
         * Updating a webhook endpoint
         * @description Replaces `url`, `description`, `eventTypes` and `active` (absent ones take their defaults) and answers 204, like the updates of the other documents; a PUT never creates (ids are generated), so an unknown id is a 404. With `metadata.version` the write succeeds only on that version (409 otherwise). `active: true` re-enables an endpoint the service disabled, clearing `disabledReason` and `failingSince`. `url` must be an absolute `https` URL without credentials or fragment that does not point to `localhost` or a loopback, link-local or private address (`http` and those addresses are allowed only with `WEBHOOKS_ALLOW_PRIVATE=true`, for local use). Host names are checked again against what they resolve to on every attempt. `eventTypes` selects the events: exact event types (`customer-segment.segment-created`) and family prefixes (`customer-segment.*`, `client-management.*`); empty or absent means every event, and an unknown type or prefix is a 400.
         */
        put: operations["PUT-webhook-update-endpoint"];
        post?: never;
        /**
         * Deleting a webhook endpoint
         * @description Deletes the endpoint with its pending deliveries and recorded attempts; nothing more is sent to it.
         */
        delete: operations["DELETE-webhook-delete-endpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints/{endpointId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Listing the delivery attempts of an endpoint
         * @description The endpoint's attempts, newest first: when, what it answered (`responseStatus`, `latencyMs`), why it failed
         *     (`error`) and when the delivery is tried again (`nextAttemptAt`). `q=eventId:4711` shows the attempts of one
         *     event. Kept as long as the events (`EVENTS_RETENTION_DAYS`).
         *
         *     q and sort fields: q fields: `id`, `eventId`, `eventType`, `attempt`, `attemptedAt`, `succeeded`, `responseStatus`, `latencyMs`, `nextAttemptAt`..
         */
        get: operations["GET-webhook-list-endpoint-attempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints/{endpointId}/attempts/{attemptId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retrying the delivery of an attempt
         * @description Makes the attempt's delivery due now, including one that was given up after the whole retry schedule; it is sent with the same `webhook-id`. 409 while an attempt of it is in flight.
         */
        post: operations["POST-webhook-retry-attempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints/{endpointId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delivering past events to an endpoint again
         * @description Queues the tenant's events that occurred in `[since, until)` and that the endpoint's filter (and `eventTypes`)
         *     takes, for this endpoint only, with their ids: a receiver that deduplicates by `webhook-id` takes each once.
         *     Events are kept for `EVENTS_RETENTION_DAYS`. At most 10000 events per replay (400 beyond: replay shorter
         *     ranges). The deliveries of a disabled endpoint wait until it is active again.
         */
        post: operations["POST-webhook-replay-endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints/{endpointId}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotating the secret of a webhook endpoint
         * @description Gives the endpoint a new signing secret, shown only in this answer. The previous secret keeps signing for `WEBHOOKS_SECRET_OVERLAP` (24 hours by default) until `previousSecretExpiresAt`: during that overlap every message carries both signatures in `webhook-signature`, as Standard Webhooks allows, so receivers can switch to the new secret without missing a message. With an overlap of 0 the previous secret stops at once (`previousSecretExpiresAt: null`).
         */
        post: operations["POST-webhook-rotate-endpoint-secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{tenant}/endpoints/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sending a test message to an endpoint
         * @description Sends a `webhook.ping` message to the endpoint now, active or not, signed like every delivery, and answers with
         *     the attempt's outcome (also listed among its attempts). It is not retried and reaches no other sink. Body:
         *     `{id: "ping_<uuid>", type: "webhook.ping", tenant, occurredAt, resource: {type: "webhook-endpoint", id}, data: {endpointId}}`.
         */
        post: operations["POST-webhook-test-endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AssignedCustomer: {
            /** @description Customer's e-mail address (when the service holds the customer's data). */
            email?: string;
            /** @description Customer's first name (when the service holds the customer's data). */
            firstName?: string;
            /** @description Unique identifier of the customer. */
            id: string;
            /** @description Customer's last name (when the service holds the customer's data). */
            lastName?: string;
        };
        AssignedItem: {
            /** @description Code of the product/category, when the catalog data is known to the service. */
            code?: string;
            /** @description Unique identifier of the product/category. */
            id: string;
            /** @description Localized name (a plain string with `Accept-Language`), when the catalog data is known to the service. */
            name?: {
                [key: string]: string;
            } | string;
        };
        AssignedLegalEntity: {
            /** @description Unique identifier of the legal entity. */
            id: string;
            /** @description Name of the legal entity (when the service holds its data). */
            name?: string;
        };
        BulkItemResponse: {
            /** @description HTTP status code of this item, e.g. 201 created, 204 updated or deleted, 4xx rejected. */
            code: number;
            /** @description Every problem of a rejected item, as `<field>: <message>`. */
            details?: string[];
            /** @description The item's id (or the id of the resource the error is about), where known. */
            id?: string;
            /** @description Zero-based position of the item in the request body. */
            index: number;
            /** @description Why the item failed. */
            message?: string;
            /** @description HTTP status text of this item. */
            status: string;
        };
        CatalogCategoryResponse: {
            code?: string;
            ecn: string[];
            id: string;
            /** @description A map language -> text, or with `Accept-Language` a plain string. */
            localizedDescription?: {
                [key: string]: string;
            } | string;
            /** @description A map language -> text, or with `Accept-Language` a plain string. */
            localizedSlug?: {
                [key: string]: string;
            } | string;
            metadata: components["schemas"]["MetadataResponse"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description A map language -> text, or with `Accept-Language` a plain string. */
            name: {
                [key: string]: string;
            } | string;
            parentId?: string;
            position?: number;
            published: boolean;
            validity?: components["schemas"]["Validity"];
        };
        CatalogCategoryUpsert: {
            code?: string;
            /** @description External category numbers. */
            ecn?: string[];
            /** @description Unique identifier in the catalog (case-sensitive). */
            id: string;
            /** @description A map language tag (e.g. `en`, `de-CH`) -> text, or a plain string in the language named by `Content-Language`. */
            localizedDescription?: {
                [key: string]: string;
            } | string;
            /** @description A map language tag (e.g. `en`, `de-CH`) -> text, or a plain string in the language named by `Content-Language`. */
            localizedSlug?: {
                [key: string]: string;
            } | string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description A map language tag (e.g. `en`, `de-CH`) -> text, or a plain string in the language named by `Content-Language`. */
            name?: {
                [key: string]: string;
            } | string;
            /** @description The parent category; it may arrive later. Absent or null: a root category. */
            parentId?: string | null;
            /** @description Position among the siblings (ascending). */
            position?: number;
            /** @description Default true. */
            published?: boolean;
            validity?: components["schemas"]["CatalogValidity"];
        };
        CatalogProductResponse: {
            /** @description The categories the product sits in, sorted. */
            categoryIds: string[];
            code?: string;
            id: string;
            metadata: components["schemas"]["MetadataResponse"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description A map language -> text, or with `Accept-Language` a plain string. */
            name: {
                [key: string]: string;
            } | string;
        };
        CatalogProductUpsert: {
            /** @description The categories the product sits in (they may arrive later). Replaces the stored list. */
            categoryIds?: string[];
            code?: string;
            /** @description Unique identifier in the catalog (case-sensitive). */
            id: string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description A map language tag (e.g. `en`, `de-CH`) -> text, or a plain string in the language named by `Content-Language`. */
            name?: {
                [key: string]: string;
            } | string;
        };
        CatalogValidity: {
            /**
             * Format: date-time
             * @description Start of the validity period (inclusive).
             */
            from?: string;
            /**
             * Format: date-time
             * @description End of the validity period (inclusive); not before `from`.
             */
            to?: string;
        };
        /** @description The catalog category as stored after the change. */
        CategoryEventData: {
            code?: string;
            ecn: string[];
            id: string;
            /** @description Language tag -> text. */
            localizedDescription: {
                [key: string]: string;
            };
            /** @description Language tag -> text. */
            localizedSlug: {
                [key: string]: string;
            };
            metadata: components["schemas"]["EventMetadata"];
            mixins: {
                [key: string]: unknown;
            };
            /** @description Language tag -> text. */
            name: {
                [key: string]: string;
            };
            parentId?: string;
            position?: number;
            published: boolean;
            validity?: {
                /** Format: date-time */
                from?: string;
                /** Format: date-time */
                to?: string;
            };
        };
        CategoryTreeNode: {
            /** @description Code of the category. */
            code: string | null;
            /** @description External category numbers. */
            ecn?: string[];
            /** @description Unique identifier of the category. */
            id: string;
            /** @description True exactly on the categories assigned to one of the segments the tree was built from. */
            isSegmentAssigned: boolean;
            /** @description Localized description. */
            localizedDescription?: {
                [key: string]: string;
            } | string;
            /** @description Localized slug. */
            localizedSlug?: {
                [key: string]: string;
            } | string;
            /** @description Localized name (a plain string with `Accept-Language`). */
            name: {
                [key: string]: string;
            } | string;
            /** @description The parent category (absent on roots). */
            parentId?: string;
            /** @description Position among the siblings. */
            position?: number;
            /** @description Whether the category is published. */
            published: boolean;
            /** @description Subcategories, ordered by position, then id. */
            subcategories: components["schemas"]["CategoryTreeNode"][];
            validity?: components["schemas"]["Validity"];
        };
        ContactAssignmentCreate: {
            customer: components["schemas"]["CustomerManagementReference"];
            /** @description Custom identifier; generated (24 hex characters) when absent. The reference spec shows the pattern without `+`, a typo: any 1-66 of `a-zA-Z0-9_-`. */
            id?: string;
            legalEntity: components["schemas"]["CustomerManagementReference"];
            metadata?: components["schemas"]["MetadataCreate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Whether the customer is a primary contact; false when absent. */
            primary?: boolean;
            /**
             * @description The type of the contact assignment; `CONTACT` when absent.
             * @enum {string}
             */
            type?: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
        };
        ContactAssignmentCustomer: {
            /** @description The e-mail address of the customer. */
            email?: string;
            /** @description The customer unique identifier. */
            id: string;
            /** @description The first name of the customer. */
            name?: string;
            /** @description The phone number of the customer. */
            phone?: string;
            /** @description The last name of the customer. */
            surname?: string;
        };
        ContactAssignmentDeletedEventData: {
            assignmentId: string;
            legalEntityId: string;
            userId: string;
        };
        /** @description The contact assignment as stored after the change; `userId` is the customer, `email` from the customer data. */
        ContactAssignmentEventData: {
            assignmentId: string;
            email?: string;
            legalEntityId: string;
            metadata: components["schemas"]["EventMetadata"];
            mixins: {
                [key: string]: unknown;
            };
            primary: boolean;
            /** @enum {string} */
            type: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
            userId: string;
        };
        ContactAssignmentResponse: {
            customer: components["schemas"]["ContactAssignmentCustomer"];
            id: string;
            legalEntity: components["schemas"]["LegalEntityResponse"];
            metadata: components["schemas"]["MetadataResponse"];
            /** @description Mixins: a map where a key is a mixin set name and the value a map of its attributes. */
            mixins: {
                [key: string]: unknown;
            };
            primary: boolean;
            /** @enum {string} */
            type: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
        };
        ContactAssignmentSummary: {
            customer: components["schemas"]["ContactAssignmentCustomer"];
            id: string;
            legalEntity: components["schemas"]["CustomerManagementReference"];
            metadata: components["schemas"]["MetadataResponse"];
            primary: boolean;
            /** @enum {string} */
            type: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
        };
        ContactAssignmentUpdate: {
            customer: components["schemas"]["CustomerManagementReference"];
            legalEntity: components["schemas"]["CustomerManagementReference"];
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Whether the customer is a primary contact; false when absent. */
            primary?: boolean;
            /**
             * @description The type of the contact assignment.
             * @enum {string}
             */
            type: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
        };
        CriteriaEvaluation: {
            /**
             * @description B2B rules: the type of the contact assignment.
             * @enum {string}
             */
            contactType?: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
            /** @description Whether an exclusion keeps this membership out although the terms hold. */
            excluded: boolean;
            /** @description B2B rules: the legal entity of the contact assignment. */
            legalEntity?: components["schemas"]["AssignedLegalEntity"];
            /** @description Whether every term holds. */
            matched: boolean;
            terms: components["schemas"]["CriteriaTermEvaluation"][];
        };
        CriteriaMatch: {
            customer: components["schemas"]["AssignedCustomer"];
            /** @description For B2B criteria: the legal entity of the membership. */
            legalEntity?: components["schemas"]["AssignedLegalEntity"];
        };
        CriteriaPreviewRequest: {
            /**
             * @description The criteria to try, as a segment would carry them (see `criteria` of the segment create body).
             * @example customer.active:true
             */
            criteria: string;
        };
        CriteriaPreviewResponse: {
            /** @description Whether the criteria yield B2B memberships (they name `legalEntity.*` or `contactType`). */
            b2b: boolean;
            /** @description The requested page of them, by customer id, then legal entity id. */
            matches: components["schemas"]["CriteriaMatch"][];
            /** @description How many memberships the criteria yield now. */
            totalCount: number;
        };
        CriteriaTermEvaluation: {
            /**
             * @description The field the condition reads.
             * @example customer.mixins.tier
             */
            field: string;
            /** @description Whether the condition holds. */
            matched: boolean;
            /**
             * @description The condition as written in the criteria (not shown to customer tokens).
             * @example customer.mixins.tier:gold
             */
            term?: string;
            /** @description The customer's value of the field (any JSON; absent when the customer has none). */
            value?: string | number | boolean | {
                [key: string]: unknown;
            } | unknown[];
        };
        CustomerAssignmentB2CResponse: {
            /** @enum {string} */
            assignmentType: "MANUAL" | "AUTOMATIC";
            customer: components["schemas"]["AssignedCustomer"];
            metadata: components["schemas"]["MetadataResponse"];
            /** @description A key-value map of additional attributes. */
            mixins: {
                [key: string]: unknown;
            };
        };
        CustomerAssignmentDeletedEventData: {
            /** @enum {string} */
            assignmentType: "MANUAL" | "AUTOMATIC";
            customerId: string;
            legalEntityId?: string;
            /**
             * @description Why the customer joined or left: see docs/events.md, "Automatic segments".
             * @enum {string}
             */
            reason: "criteria-changed" | "data-changed" | "manual" | "excluded" | "included";
            segmentId: string;
            tenant: string;
        };
        /** @description The customer assignment as stored after the change; B2C assignments have no `legalEntity`. */
        CustomerAssignmentEventData: {
            /** @enum {string} */
            assignmentType: "MANUAL" | "AUTOMATIC";
            customer: {
                email?: string;
                firstName?: string;
                id: string;
                lastName?: string;
            };
            legalEntity?: {
                id: string;
                name?: string;
            };
            metadata: components["schemas"]["EventMetadata"];
            mixins: {
                [key: string]: unknown;
            };
            /**
             * @description Why the customer joined or left: see docs/events.md, "Automatic segments".
             * @enum {string}
             */
            reason: "criteria-changed" | "data-changed" | "manual" | "excluded" | "included";
            segmentId: string;
            tenant: string;
        };
        CustomerAssignmentRemoveBulk: {
            /** @description Unique identifier of the customer. */
            customerId: string;
            /** @description Unique identifier of the legal entity (B2B). Omit it for B2C. */
            legalEntityId?: string;
        };
        CustomerAssignmentResponse: {
            /** @enum {string} */
            assignmentType: "MANUAL" | "AUTOMATIC";
            customer: components["schemas"]["AssignedCustomer"];
            /** @description Present for B2B assignments only. */
            legalEntity?: components["schemas"]["AssignedLegalEntity"];
            metadata: components["schemas"]["MetadataResponse"];
            /** @description A key-value map of additional attributes. */
            mixins: {
                [key: string]: unknown;
            };
        };
        CustomerAssignmentUpsertBulk: {
            /** @description Unique identifier of the customer. */
            customerId: string;
            /** @description Unique identifier of the legal entity (B2B). Omit it for B2C. */
            legalEntityId?: string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
        };
        /** @description The customer data as stored after the change. */
        CustomerDataEventData: {
            active?: boolean;
            b2b?: {
                companyRegistrationId?: string;
                legalEntities?: {
                    contactAssignmentId?: string;
                    id?: string;
                    name?: string;
                }[];
            };
            /** @enum {string} */
            businessModel?: "B2B" | "B2C";
            company?: string;
            customerNumber?: string;
            email?: string;
            firstName?: string;
            id: string;
            lastName?: string;
            metadata: components["schemas"]["EventMetadata"];
            /**
             * Format: date-time
             * @description When the customer service created the customer; `metadata.createdAt` is this service's.
             */
            metadataCreatedAt?: string;
            mixins: {
                [key: string]: unknown;
            };
            phone?: string;
            preferredCurrency?: string;
            preferredLanguage?: string;
            preferredSite?: string;
            /** @enum {string} */
            type?: "CUSTOMER" | "CONTACT";
        };
        CustomerManagementReference: {
            /** @description Id of the referenced document. */
            id: string;
        };
        CustomerSyncB2b: {
            /** @description Registration number of the company. */
            companyRegistrationId?: string;
            /** @description The legal entities the customer is assigned to. */
            legalEntities?: components["schemas"]["CustomerSyncB2bLegalEntity"][];
        };
        CustomerSyncB2bLegalEntity: {
            /** @description ID of contact assignment. */
            contactAssignmentId?: string;
            /** @description ID of legal entity. */
            id?: string;
            /** @description Name of legal entity. */
            name?: string;
        };
        CustomerSyncItem: {
            /** @description Flag indicating whether the customer profile is active. */
            active?: boolean | null;
            /** @description Additional properties of a B2B customer: its company registration id and legal entities. */
            b2b?: components["schemas"]["CustomerSyncB2b"] | null;
            /**
             * @description Business model of the customer: `B2B` when the customer is assigned to any company, otherwise `B2C`.
             * @enum {string|null}
             */
            businessModel?: "B2B" | "B2C" | null;
            /** @description Company name of the customer. */
            company?: string | null;
            /** @description Customer unique number generated by the customer service when the customer profile is created. */
            customerNumber?: string | null;
            /** @description Contact e-mail address, as the customer service holds it. */
            email?: string | null;
            /** @description First name (shown as `customer.name` of contact assignments). */
            firstName?: string | null;
            /** @description The customer id, as the customer service knows it. */
            id: string;
            /** @description Last name (shown as `customer.surname` of contact assignments). */
            lastName?: string | null;
            /** @description What the customer service records about the customer: its creation date. */
            metadata?: components["schemas"]["CustomerSyncMetadata"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Contact phone number, as the customer service holds it. */
            phone?: string | null;
            /** @description Customer preferred currency, compliant with the ISO 4217 standard, e.g. `EUR`. */
            preferredCurrency?: string | null;
            /** @description Customer preferred language, e.g. `en_US`. */
            preferredLanguage?: string | null;
            /** @description Customer preferred site (a site code, e.g. `main`). */
            preferredSite?: string | null;
            /**
             * @description User type: `CUSTOMER` or `CONTACT`; absent means a customer.
             * @enum {string|null}
             */
            type?: "CUSTOMER" | "CONTACT" | null;
        };
        CustomerSyncMetadata: {
            /**
             * Format: date-time
             * @description Customer creation date in the customer service (Emporix's `metadataCreatedAt`); not the `metadata.createdAt` of this service's own records.
             */
            createdAt?: string | null;
        };
        /** @description The id of the deleted document. */
        DocumentDeletedEventData: {
            id: string;
        };
        ErrorDetailResponse: {
            /** @description The field the problem is about. */
            field?: string;
            message: string;
            /** @description Where to read more about the problem. */
            moreInfo?: string;
            /** @description The kind of problem. */
            type?: string;
        };
        ErrorResponse: {
            /**
             * @description HTTP status code.
             * @example 400
             */
            code: number;
            /**
             * @description Every problem, as `<field>: <message>` (the message alone where no field is concerned).
             * @example [
             *       "name: name must be a string"
             *     ]
             */
            details?: string[];
            /** @description Error message. */
            message: string;
            /** @description The ID of the resource which caused the error. */
            resourceId?: string;
            /**
             * @description HTTP status.
             * @example Bad Request
             */
            status: string;
        };
        /** @description One event: the same envelope for every type, `data` by `type` (docs/events.md). */
        Event: components["schemas"]["Event_customer-segment.segment-created"] | components["schemas"]["Event_customer-segment.segment-updated"] | components["schemas"]["Event_customer-segment.segment-deleted"] | components["schemas"]["Event_customer-segment.segment-validity-reached"] | components["schemas"]["Event_customer-segment.customer-assignment-created"] | components["schemas"]["Event_customer-segment.customer-assignment-updated"] | components["schemas"]["Event_customer-segment.customer-assignment-deleted"] | components["schemas"]["Event_customer-segment.item-assignment-created"] | components["schemas"]["Event_customer-segment.item-assignment-updated"] | components["schemas"]["Event_customer-segment.item-assignment-deleted"] | components["schemas"]["Event_client-management.legalentity-created"] | components["schemas"]["Event_client-management.legalentity-updated"] | components["schemas"]["Event_client-management.legalentity-deleted"] | components["schemas"]["Event_client-management.location-created"] | components["schemas"]["Event_client-management.location-updated"] | components["schemas"]["Event_client-management.location-deleted"] | components["schemas"]["Event_client-management.user-assigned-to-legalentity"] | components["schemas"]["Event_client-management.contact-assignment-updated"] | components["schemas"]["Event_client-management.contact-assignment-deleted"] | components["schemas"]["Event_catalog.category-created"] | components["schemas"]["Event_catalog.category-updated"] | components["schemas"]["Event_catalog.category-deleted"] | components["schemas"]["Event_catalog.product-created"] | components["schemas"]["Event_catalog.product-updated"] | components["schemas"]["Event_catalog.product-deleted"] | components["schemas"]["Event_customer.customer-created"] | components["schemas"]["Event_customer.customer-updated"] | components["schemas"]["Event_customer.customer-deleted"] | components["schemas"]["Event_webhook.endpoint-disabled"];
        /** @description A `catalog.category-created` event. */
        "Event_catalog.category-created": {
            data: components["schemas"]["CategoryEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "catalog.category-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `catalog.category-deleted` event. */
        "Event_catalog.category-deleted": {
            data: components["schemas"]["DocumentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "catalog.category-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `catalog.category-updated` event. */
        "Event_catalog.category-updated": {
            data: components["schemas"]["CategoryEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "catalog.category-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `catalog.product-created` event. */
        "Event_catalog.product-created": {
            data: components["schemas"]["ProductEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "catalog.product-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `catalog.product-deleted` event. */
        "Event_catalog.product-deleted": {
            data: components["schemas"]["DocumentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "catalog.product-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `catalog.product-updated` event. */
        "Event_catalog.product-updated": {
            data: components["schemas"]["ProductEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "catalog.product-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.contact-assignment-deleted` event. */
        "Event_client-management.contact-assignment-deleted": {
            data: components["schemas"]["ContactAssignmentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.contact-assignment-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.contact-assignment-updated` event. */
        "Event_client-management.contact-assignment-updated": {
            data: components["schemas"]["ContactAssignmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.contact-assignment-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.legalentity-created` event. */
        "Event_client-management.legalentity-created": {
            data: components["schemas"]["LegalEntityEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.legalentity-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.legalentity-deleted` event. */
        "Event_client-management.legalentity-deleted": {
            data: components["schemas"]["LegalEntityDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.legalentity-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.legalentity-updated` event. */
        "Event_client-management.legalentity-updated": {
            data: components["schemas"]["LegalEntityEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.legalentity-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.location-created` event. */
        "Event_client-management.location-created": {
            data: components["schemas"]["LocationEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.location-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.location-deleted` event. */
        "Event_client-management.location-deleted": {
            data: components["schemas"]["DocumentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.location-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.location-updated` event. */
        "Event_client-management.location-updated": {
            data: components["schemas"]["LocationEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.location-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `client-management.user-assigned-to-legalentity` event. */
        "Event_client-management.user-assigned-to-legalentity": {
            data: components["schemas"]["ContactAssignmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "client-management.user-assigned-to-legalentity";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.customer-assignment-created` event. */
        "Event_customer-segment.customer-assignment-created": {
            data: components["schemas"]["CustomerAssignmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.customer-assignment-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.customer-assignment-deleted` event. */
        "Event_customer-segment.customer-assignment-deleted": {
            data: components["schemas"]["CustomerAssignmentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.customer-assignment-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.customer-assignment-updated` event. */
        "Event_customer-segment.customer-assignment-updated": {
            data: components["schemas"]["CustomerAssignmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.customer-assignment-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.item-assignment-created` event. */
        "Event_customer-segment.item-assignment-created": {
            data: components["schemas"]["ItemAssignmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.item-assignment-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.item-assignment-deleted` event. */
        "Event_customer-segment.item-assignment-deleted": {
            data: components["schemas"]["ItemAssignmentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.item-assignment-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.item-assignment-updated` event. */
        "Event_customer-segment.item-assignment-updated": {
            data: components["schemas"]["ItemAssignmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.item-assignment-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.segment-created` event. */
        "Event_customer-segment.segment-created": {
            data: components["schemas"]["SegmentEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.segment-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.segment-deleted` event. */
        "Event_customer-segment.segment-deleted": {
            data: components["schemas"]["SegmentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.segment-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.segment-updated` event. */
        "Event_customer-segment.segment-updated": {
            data: components["schemas"]["SegmentUpdatedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.segment-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer-segment.segment-validity-reached` event. */
        "Event_customer-segment.segment-validity-reached": {
            data: components["schemas"]["SegmentValidityReachedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer-segment.segment-validity-reached";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer.customer-created` event. */
        "Event_customer.customer-created": {
            data: components["schemas"]["CustomerDataEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer.customer-created";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer.customer-deleted` event. */
        "Event_customer.customer-deleted": {
            data: components["schemas"]["DocumentDeletedEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer.customer-deleted";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `customer.customer-updated` event. */
        "Event_customer.customer-updated": {
            data: components["schemas"]["CustomerDataEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer.customer-updated";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        /** @description A `webhook.endpoint-disabled` event. */
        "Event_webhook.endpoint-disabled": {
            data: components["schemas"]["WebhookEndpointDisabledEventData"];
            /** @description Position of the event: unique, increasing in commit order; the cursor (`after`). */
            id: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            occurredAt: string;
            /** @description What changed. */
            resource: {
                id: string;
                /** @enum {string} */
                type: "segment" | "customer-assignment" | "item-assignment" | "legal-entity" | "location" | "contact-assignment" | "category" | "product" | "customer" | "webhook-endpoint";
            };
            /** @description 1, 2, ... over the resource's events, without gaps. */
            sequence: number;
            tenant: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "webhook.endpoint-disabled";
            /** @description The resource's `metadata.version` after the change; null for deletions. */
            version: number | null;
        };
        EventMetadata: {
            /** Format: date-time */
            createdAt: string;
            mixins?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            modifiedAt: string;
            version: number;
        };
        ExclusionRemoveBulk: {
            /** @description Unique identifier of the customer. */
            customerId: string;
            /** @description The legal entity the exclusion applies to. Omit it to exclude the customer in every legal entity and as a B2C member. */
            legalEntityId?: string;
        };
        ExclusionResponse: {
            /** @description Unique identifier of the excluded customer. */
            customerId: string;
            /** @description The legal entity the exclusion applies to; absent: the customer is excluded in every legal entity and as a B2C member. */
            legalEntityId?: string;
            metadata: components["schemas"]["MetadataResponse"];
            /** @description A key-value map of additional attributes. */
            mixins: {
                [key: string]: unknown;
            };
        };
        ExclusionUpsertBulk: {
            /** @description Unique identifier of the customer. */
            customerId: string;
            /** @description The legal entity the exclusion applies to. Omit it to exclude the customer in every legal entity and as a B2C member. */
            legalEntityId?: string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
        };
        ExplainedMembership: {
            /**
             * @description `MANUAL`: written by a client, kept whatever the criteria say. `AUTOMATIC`: the criteria match.
             * @enum {string}
             */
            assignmentType: "MANUAL" | "AUTOMATIC";
            /** @description The legal entity of a B2B membership; absent for B2C. */
            legalEntityId?: string;
        };
        Fault: {
            detail: components["schemas"]["FaultDetail"];
            /** @example Invalid access token */
            faultstring: string;
        };
        FaultDetail: {
            /** @example oauth.v2.InvalidAccessToken */
            errorcode: string;
        };
        IdResponse: {
            /**
             * @description Id of the created document.
             * @example 628cd20c6e8b2432b6346ca6
             */
            id: string;
        };
        /** @description Emporix names the item by `itemId` here, not by an `item` object. */
        ItemAssignmentDeletedEventData: {
            itemId: string;
            segmentId: string;
            tenant: string;
            /** @enum {string} */
            type: "PRODUCT" | "CATEGORY";
        };
        /** @description The item assignment as stored after the change. */
        ItemAssignmentEventData: {
            item: {
                code?: string;
                id: string;
                /** @description Language tag -> text. */
                name?: {
                    [key: string]: string;
                };
            };
            metadata: components["schemas"]["EventMetadata"];
            mixins?: {
                [key: string]: unknown;
            };
            segmentId: string;
            tenant: string;
            /** @enum {string} */
            type: "PRODUCT" | "CATEGORY";
        };
        ItemAssignmentResponse: {
            item: components["schemas"]["AssignedItem"];
            metadata: components["schemas"]["MetadataResponse"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Unique identifier of the customer segment. */
            segmentId: string;
            /** @enum {string} */
            type: "PRODUCT" | "CATEGORY";
        };
        ItemAssignmentUpsertBulk: {
            /** @description Unique identifier of an existing product/category (itemId). */
            id: string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
        };
        LegalEntityAccountLimit: {
            /**
             * @description The account limit currency.
             * @example EUR
             */
            currency?: string;
            /**
             * @description The purchasing limit of the legal entity.
             * @example 1000.99
             */
            value?: number;
        };
        LegalEntityCreate: {
            accountLimit?: components["schemas"]["LegalEntityAccountLimit"];
            /** @description Ids of existing contact assignments: the approval group of the legal entity. */
            approvalGroup?: components["schemas"]["CustomerManagementReference"][];
            /** @description Customer groups assigned to the legal entity (stored as given). */
            customerGroups?: components["schemas"]["LegalEntityCustomerGroup"][];
            /** @description Ids of existing locations: the addresses of the legal entity. */
            entitiesAddresses?: components["schemas"]["CustomerManagementReference"][];
            /** @description Custom identifier; generated (24 hex characters) when absent. The reference spec shows the pattern without `+`, a typo: any 1-66 of `a-zA-Z0-9_-`. */
            id?: string;
            legalInfo?: components["schemas"]["LegalEntityLegalInfo"];
            metadata?: components["schemas"]["MetadataCreate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description The name of the legal entity. */
            name: string;
            /** @description The parent legal entity: required for a SUBSIDIARY, not allowed for a COMPANY. */
            parentId?: string;
            /** @description Restrictions of the legal entity (at most one value), e.g. `["US"]`. */
            restrictions?: string[] | null;
            /**
             * @description The type of the legal entity; `COMPANY` when absent.
             * @enum {string}
             */
            type?: "COMPANY" | "SUBSIDIARY";
        };
        LegalEntityCustomerGroup: {
            /** @description The unique identifier of the customer group. */
            id: string;
            /** @description Localized name of the customer group (language tag -> text, e.g. `{"en": "Buyers"}`). */
            name?: {
                [key: string]: string;
            };
            /** @description The customer group role. */
            role?: string;
        };
        LegalEntityDeletedEventData: {
            legalEntityId: string;
            legalEntityParentId?: string;
        };
        /** @description The legal entity as stored after the change (Emporix fields). */
        LegalEntityEventData: {
            accountLimit?: {
                currency?: string;
                value?: number;
            };
            /** @description The ids of its locations. */
            addresses: string[];
            /** @description The ids of its contact assignments. */
            approvalGroup: string[];
            customerGroups: {
                id: string;
                /** @description Language tag -> text. */
                name?: {
                    [key: string]: string;
                };
                role?: string;
            }[];
            legalEntityId: string;
            legalInfo?: {
                countryOfRegistration?: string;
                legalName?: string;
                registrationAgency?: string;
                registrationDate?: string;
                registrationId?: string;
                taxRegistrationNumber?: string;
            };
            metadata: components["schemas"]["EventMetadata"];
            mixins: {
                [key: string]: unknown;
            };
            name: string;
            parentId?: string;
            restrictions?: string[];
            /** @enum {string} */
            type: "COMPANY" | "SUBSIDIARY";
        };
        LegalEntityLegalInfo: {
            /** @example DE */
            countryOfRegistration?: string;
            /** @description The legal name of the entity. */
            legalName?: string;
            registrationAgency?: string;
            /**
             * @description Registration date, ISO 8601, e.g. `2020-04-30T04:00:00.000Z`.
             * @example 2022-03-31T13:18:02.379Z
             */
            registrationDate?: string;
            registrationId?: string;
            taxRegistrationNumber?: string;
        };
        LegalEntityResponse: {
            accountLimit?: components["schemas"]["LegalEntityAccountLimit"];
            /** @description The contact assignments of the approval group. */
            approvalGroup: components["schemas"]["ContactAssignmentSummary"][];
            customerGroups: components["schemas"]["LegalEntityCustomerGroup"][];
            /** @description The locations that are addresses of the legal entity. */
            entitiesAddresses: components["schemas"]["LocationResponse"][];
            id: string;
            legalInfo?: components["schemas"]["LegalEntityLegalInfo"];
            metadata: components["schemas"]["MetadataResponse"];
            /** @description Mixins: a map where a key is a mixin set name and the value a map of its attributes. */
            mixins: {
                [key: string]: unknown;
            };
            name: string;
            parentId?: string;
            restrictions?: string[];
            /** @enum {string} */
            type: "COMPANY" | "SUBSIDIARY";
        };
        LegalEntityUpdate: {
            accountLimit?: components["schemas"]["LegalEntityAccountLimit"];
            /** @description Ids of existing contact assignments: the approval group of the legal entity. */
            approvalGroup?: components["schemas"]["CustomerManagementReference"][];
            /** @description Customer groups assigned to the legal entity (stored as given). */
            customerGroups?: components["schemas"]["LegalEntityCustomerGroup"][];
            /** @description Ids of existing locations: the addresses of the legal entity. */
            entitiesAddresses?: components["schemas"]["CustomerManagementReference"][];
            legalInfo?: components["schemas"]["LegalEntityLegalInfo"];
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description The name of the legal entity. */
            name: string;
            /** @description The parent legal entity: required for a SUBSIDIARY, not allowed for a COMPANY. */
            parentId?: string;
            /** @description Restrictions of the legal entity (at most one value), e.g. `["US"]`. */
            restrictions?: string[] | null;
            /**
             * @description The type of the legal entity.
             * @enum {string}
             */
            type: "COMPANY" | "SUBSIDIARY";
        };
        LocationContactDetails: {
            addressLine1?: string;
            addressLine2?: string;
            city?: string;
            /** @example US */
            countryCode?: string;
            /** @description Contact e-mail addresses. */
            emails?: string[];
            /** @description Contact phone numbers. */
            phones?: string[];
            postcode?: string;
            state?: string;
            /** @description Tags of the location, e.g. `shipping`. */
            tags?: string[];
        };
        LocationCreate: {
            contactDetails: components["schemas"]["LocationContactDetails"];
            /** @description Custom identifier; generated (24 hex characters) when absent. The reference spec shows the pattern without `+`, a typo: any 1-66 of `a-zA-Z0-9_-`. */
            id?: string;
            metadata?: components["schemas"]["MetadataCreate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description The name of the location. */
            name?: string;
            /**
             * @description The type of the location.
             * @enum {string}
             */
            type: "HEADQUARTER" | "WAREHOUSE" | "OFFICE";
        };
        /** @description The location as stored after the change. */
        LocationEventData: {
            contactDetails: {
                addressLine1?: string;
                addressLine2?: string;
                city?: string;
                countryCode?: string;
                emails?: string[];
                phones?: string[];
                postcode?: string;
                state?: string;
                tags?: string[];
            };
            id: string;
            metadata: components["schemas"]["EventMetadata"];
            mixins: {
                [key: string]: unknown;
            };
            name?: string;
            /** @enum {string} */
            type: "HEADQUARTER" | "WAREHOUSE" | "OFFICE";
        };
        LocationResponse: {
            contactDetails: components["schemas"]["LocationContactDetails"];
            id: string;
            metadata: components["schemas"]["MetadataResponse"];
            /** @description Mixins: a map where a key is a mixin set name and the value a map of its attributes. */
            mixins: {
                [key: string]: unknown;
            };
            name?: string;
            /** @enum {string} */
            type: "HEADQUARTER" | "WAREHOUSE" | "OFFICE";
        };
        LocationUpdate: {
            contactDetails: components["schemas"]["LocationContactDetails"];
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description The name of the location. */
            name?: string;
            /**
             * @description The type of the location.
             * @enum {string}
             */
            type: "HEADQUARTER" | "WAREHOUSE" | "OFFICE";
        };
        Match: {
            /** @description The products to check (at most 200). */
            items: components["schemas"]["MatchItem"][];
            /** @description The segments to check against (at most 1000). */
            segmentIds: string[];
            /** @description Site code of the segments. Required unless `siteCode` is given. */
            site?: string;
            /** @description Alias of `site` (as in the Emporix example); `site` wins when both are given. */
            siteCode?: string;
        };
        MatchedItem: {
            /** @description Id of the product. */
            id: string;
            /** @description Only with `explain=true`: per granting segment (by id) one reason, `PRODUCT` when it assigns the product itself. */
            matchedBy?: components["schemas"]["MatchReason"][];
        };
        MatchItem: {
            /** @description Id of the product. */
            id: string;
        };
        MatchReason: {
            /** @description With `CATEGORY`: the shortest category chain, from one of the product's own categories up to the assigned category (both included; one element when the assigned category is one of its own). */
            categoryChain?: string[];
            /** @description The segment whose item assignment grants the product. */
            segmentId: string;
            /**
             * @description `PRODUCT`: the product is assigned itself; `CATEGORY`: through a category assignment.
             * @enum {string}
             */
            type: "PRODUCT" | "CATEGORY";
        };
        MembershipExplanation: {
            /** @description The criteria of an automatic segment; absent for a manual one. */
            criteria?: string;
            customerId: string;
            /** @description Whether the service holds data of the customer (criteria match only customers it holds). */
            customerKnown: boolean;
            /** @description The criteria evaluated now: once for B2C criteria, once per contact assignment of the customer for B2B ones; empty for manual segments. */
            evaluations: components["schemas"]["CriteriaEvaluation"][];
            /** @description The exclusions of the customer in the segment, by legal entity id ('' excludes every legal entity). */
            exclusions: string[];
            /** @description Whether the customer is in the segment (with any legal entity, or B2C). */
            member: boolean;
            /** @description The customer's assignments in the segment. */
            memberships: components["schemas"]["ExplainedMembership"][];
            segmentId: string;
        };
        MetadataCreate: {
            /** @description Links to the mixin schemas: a map where a key is a mixin name and the value a link to its schema. */
            mixins?: {
                [key: string]: unknown;
            };
        };
        MetadataResponse: {
            /**
             * Format: date-time
             * @description The creation date.
             */
            createdAt: string;
            /** @description Links to the mixin schemas: a map where a key is a mixin name and the value a link to its schema. */
            mixins?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description The modification date.
             */
            modifiedAt: string;
            /** @description The document version number; starts at 1 and grows by one with every change. */
            version: number;
        };
        MetadataUpdate: {
            /** @description Links to the mixin schemas: a map where a key is a mixin name and the value a link to its schema. */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description The version the caller last saw; a different stored version makes the write fail with 409. Absent: no check. */
            version?: number;
        };
        MixinsUpsert: {
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
        };
        OAuthErrorResponse: {
            /**
             * @description The RFC 6749 (section 5.2) error code.
             * @enum {string}
             */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";
            /** @description What was wrong, for a person to read. */
            error_description?: string;
        };
        /** @description The catalog product as stored after the change. */
        ProductEventData: {
            categoryIds: string[];
            code?: string;
            id: string;
            metadata: components["schemas"]["EventMetadata"];
            mixins: {
                [key: string]: unknown;
            };
            /** @description Language tag -> text. */
            name: {
                [key: string]: string;
            };
        };
        SearchBody: {
            /**
             * @description A query in the q-language, e.g. `status:ACTIVE name.en:~gold`.
             * @example status:ACTIVE
             */
            q?: string;
        };
        SegmentBulkItemResponse: {
            /** @description HTTP status code of this item, e.g. 201 created, 204 updated or deleted, 4xx rejected. */
            code: number;
            /** @description The first problem of a rejected item (`message` names every one). */
            details?: components["schemas"]["ErrorDetailResponse"];
            /** @description The item's id (or the id of the resource the error is about), where known. */
            id?: string;
            /** @description Zero-based position of the item in the request body. */
            index: number;
            /** @description Why the item failed. */
            message?: string;
            /** @description HTTP status text of this item. */
            status: string;
        };
        SegmentCreation: {
            /** @description Makes the segment automatic: a q-language expression (the grammar of list `q`) over the customer data the service holds. Matching customers get `AUTOMATIC` assignments, kept current as criteria and customer data change; manual assignments stay, exclusions keep customers out. Fields: `customer.id`, `customer.firstName`, `customer.lastName`, `customer.email`, `customer.phone`, `customer.preferredSite`, `customer.preferredLanguage`, `customer.preferredCurrency`, `customer.active`, `customer.b2b.*`, `customer.businessModel`, `customer.type`, `customer.company`, `customer.customerNumber`, `customer.metadata.createdAt`, `customer.mixins.*`, and through the customer's contact assignments `legalEntity.id`, `legalEntity.name`, `legalEntity.type`, `legalEntity.parentId`, `legalEntity.customerGroups.id`, `legalEntity.mixins.*`, `contactType`: a criteria that names these yields B2B memberships (customer, legal entity), otherwise B2C ones. `null` makes the segment manual; absent on create: manual, absent on PUT: the stored criteria stay. Example: `customer.email:~"@acme\.com$" customer.active:true`. */
            criteria?: string | null;
            /** @description Localized description of the customer segment: language tag -> text, or a plain string with `Content-Language`. */
            description?: {
                [key: string]: string;
            } | string;
            /** @description Unique identifier of the customer segment, generated (24 hex characters) if not provided. Custom ids: 1-66 characters of letters, digits, `_`, `.`, `:` and `-`, case-sensitive, and none of the route words `bulk`, `criteria`, `items`, `match`, `search`. */
            id?: string;
            metadata?: components["schemas"]["MetadataCreate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Localized name of the customer segment: language tag (e.g. `en`, `de-CH`) -> text, or a plain string with `Content-Language`. */
            name: {
                [key: string]: string;
            } | string;
            /** @description Determines for which site the customer segment is available. */
            siteCode: string;
            /**
             * @description Determines whether the customer segment is active or not. If not provided the value is set to `INACTIVE`.
             * @enum {string}
             */
            status?: "ACTIVE" | "INACTIVE";
            /** @description Determines the time frame in which the customer segment is valid. */
            validity?: components["schemas"]["SegmentValidity"];
        };
        SegmentDeletedEventData: {
            id: string;
            tenant: string;
        };
        SegmentErrorResponse: {
            /**
             * @description HTTP status code.
             * @example 400
             */
            code: number;
            /** @description The first problem (`message` names every one). */
            details?: components["schemas"]["ErrorDetailResponse"];
            /** @description Error message. */
            message: string;
            /** @description The ID of the resource which caused the error. */
            resourceId?: string;
            /**
             * @description HTTP status.
             * @example Bad Request
             */
            status: string;
        };
        /** @description The segment as stored after the change. */
        SegmentEventData: {
            criteria?: string;
            /** @description Language tag -> text. */
            description?: {
                [key: string]: string;
            };
            id: string;
            metadata: components["schemas"]["EventMetadata"];
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Language tag -> text. */
            name: {
                [key: string]: string;
            };
            siteCode: string;
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE";
            tenant: string;
            validity?: {
                /** Format: date-time */
                from?: string;
                /** Format: date-time */
                to?: string;
            };
        };
        SegmentMetadataResponse: {
            /**
             * Format: date-time
             * @description The creation date.
             */
            createdAt?: string;
            /** @description Links to the mixin schemas: a map where a key is a mixin name and the value a link to its schema. */
            mixins?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description The modification date.
             */
            modifiedAt?: string;
            /** @description The document version number; starts at 1 and grows by one with every change. */
            version?: number;
        };
        SegmentPatchOperation: {
            /**
             * @description The RFC 6902 operation: `add`, `remove` or `replace`.
             * @enum {string}
             */
            op: "add" | "remove" | "replace";
            /** @description JSON pointer into the segment, e.g. `/status`, `/name`, `/mixins/additionalAttributes/externalId`. */
            path: string;
            /** @description The value for `add` and `replace`: any JSON value (also a boolean or an array, e.g. inside `mixins`). */
            value?: Record<string, never> | string | number;
        };
        SegmentResponse: {
            /** @description The rule of an automatic segment (see the create body); not shown to customer tokens. */
            criteria?: string;
            /** @description Localized description, like `name`. */
            description?: {
                [key: string]: string;
            } | string;
            /** @description Unique identifier of the customer segment (kept by every `fields` projection). */
            id: string;
            metadata?: components["schemas"]["SegmentMetadataResponse"];
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Localized name: the map, or with `Accept-Language` the text in the best matching language. */
            name?: {
                [key: string]: string;
            } | string;
            siteCode?: string;
            /** @enum {string} */
            status?: "ACTIVE" | "INACTIVE";
            validity?: components["schemas"]["Validity"];
        };
        SegmentUpdate: {
            /** @description Makes the segment automatic: a q-language expression (the grammar of list `q`) over the customer data the service holds. Matching customers get `AUTOMATIC` assignments, kept current as criteria and customer data change; manual assignments stay, exclusions keep customers out. Fields: `customer.id`, `customer.firstName`, `customer.lastName`, `customer.email`, `customer.phone`, `customer.preferredSite`, `customer.preferredLanguage`, `customer.preferredCurrency`, `customer.active`, `customer.b2b.*`, `customer.businessModel`, `customer.type`, `customer.company`, `customer.customerNumber`, `customer.metadata.createdAt`, `customer.mixins.*`, and through the customer's contact assignments `legalEntity.id`, `legalEntity.name`, `legalEntity.type`, `legalEntity.parentId`, `legalEntity.customerGroups.id`, `legalEntity.mixins.*`, `contactType`: a criteria that names these yields B2B memberships (customer, legal entity), otherwise B2C ones. `null` makes the segment manual; absent on create: manual, absent on PUT: the stored criteria stay. Example: `customer.email:~"@acme\.com$" customer.active:true`. */
            criteria?: string | null;
            /** @description Localized description of the customer segment: language tag -> text, or a plain string with `Content-Language`. */
            description?: {
                [key: string]: string;
            } | string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Localized name of the customer segment: language tag (e.g. `en`, `de-CH`) -> text, or a plain string with `Content-Language`. */
            name: {
                [key: string]: string;
            } | string;
            /** @description Determines for which site the customer segment is available. */
            siteCode: string;
            /**
             * @description Determines whether the customer segment is active or not. If not provided the value is set to `INACTIVE`.
             * @enum {string}
             */
            status?: "ACTIVE" | "INACTIVE";
            /** @description Determines the time frame in which the customer segment is valid. */
            validity?: components["schemas"]["SegmentValidity"];
        };
        SegmentUpdateBulk: {
            /** @description Makes the segment automatic: a q-language expression (the grammar of list `q`) over the customer data the service holds. Matching customers get `AUTOMATIC` assignments, kept current as criteria and customer data change; manual assignments stay, exclusions keep customers out. Fields: `customer.id`, `customer.firstName`, `customer.lastName`, `customer.email`, `customer.phone`, `customer.preferredSite`, `customer.preferredLanguage`, `customer.preferredCurrency`, `customer.active`, `customer.b2b.*`, `customer.businessModel`, `customer.type`, `customer.company`, `customer.customerNumber`, `customer.metadata.createdAt`, `customer.mixins.*`, and through the customer's contact assignments `legalEntity.id`, `legalEntity.name`, `legalEntity.type`, `legalEntity.parentId`, `legalEntity.customerGroups.id`, `legalEntity.mixins.*`, `contactType`: a criteria that names these yields B2B memberships (customer, legal entity), otherwise B2C ones. `null` makes the segment manual; absent on create: manual, absent on PUT: the stored criteria stay. Example: `customer.email:~"@acme\.com$" customer.active:true`. */
            criteria?: string | null;
            /** @description Localized description of the customer segment: language tag -> text, or a plain string with `Content-Language`. */
            description?: {
                [key: string]: string;
            } | string;
            /** @description Unique identifier of the customer segment (1-66 characters of letters, digits, `_`, `.`, `:` and `-`, case-sensitive, and none of the route words `bulk`, `criteria`, `items`, `match`, `search`). */
            id: string;
            metadata?: components["schemas"]["MetadataUpdate"];
            /** @description Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given). */
            mixins?: {
                [key: string]: unknown;
            };
            /** @description Localized name of the customer segment: language tag (e.g. `en`, `de-CH`) -> text, or a plain string with `Content-Language`. */
            name: {
                [key: string]: string;
            } | string;
            /** @description Determines for which site the customer segment is available. */
            siteCode: string;
            /**
             * @description Determines whether the customer segment is active or not. If not provided the value is set to `INACTIVE`.
             * @enum {string}
             */
            status?: "ACTIVE" | "INACTIVE";
            /** @description Determines the time frame in which the customer segment is valid. */
            validity?: components["schemas"]["SegmentValidity"];
        };
        SegmentUpdatedEventData: components["schemas"]["SegmentEventData"] & {
            /** @enum {string} */
            previousStatus?: "ACTIVE" | "INACTIVE";
        };
        SegmentValidity: {
            /**
             * Format: date-time
             * @description Start of the validity period (inclusive).
             */
            from?: string;
            /**
             * Format: date-time
             * @description End of the validity period (inclusive); not before `from`.
             */
            to?: string;
        };
        /** @description A boundary of the validity of an ACTIVE segment passed (not an Emporix event; the segment has no new version). */
        SegmentValidityReachedEventData: {
            /** @description Whether the segment is now ACTIVE and inside its validity. */
            active: boolean;
            /**
             * Format: date-time
             * @description The boundary's instant.
             */
            at: string;
            /**
             * @description Which end of the validity passed.
             * @enum {string}
             */
            boundary: "from" | "to";
            id: string;
            siteCode: string;
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE";
            tenant: string;
            validity: {
                /** Format: date-time */
                from?: string;
                /** Format: date-time */
                to?: string;
            };
        };
        TokenRequestBody: {
            /** @description Also accepted as HTTP Basic credentials. */
            client_id?: string;
            client_secret?: string;
            /** @enum {string} */
            grant_type: "client_credentials";
            /**
             * @description `tenant=<tenant>` followed by the wanted scopes (all allowed ones when none). `customer_id=<id>` (and `legal_entity_id=<id>`) mint a customer token with `*_read_own` scopes only.
             * @example tenant=mytenant customersegment.segment_read customersegment.segment_manage
             */
            scope: string;
        };
        TokenResponseBody: {
            access_token: string;
            /** @description Seconds until the token expires. */
            expires_in: number;
            /** @example tenant=mytenant customersegment.segment_read */
            scope: string;
            /** @enum {string} */
            token_type: "Bearer";
        };
        UnauthorizedResponse: {
            fault: components["schemas"]["Fault"];
        };
        Validity: {
            /**
             * Format: date-time
             * @description Start of the validity period (inclusive).
             */
            from?: string;
            /**
             * Format: date-time
             * @description End of the validity period (inclusive); not before `from`.
             */
            to?: string;
        };
        WebhookAttemptResponse: {
            /**
             * @description 1 for the first attempt of the delivery, +1 for each retry.
             * @example 1
             */
            attempt: number;
            /** Format: date-time */
            attemptedAt: string;
            /** @description Why it failed (the status, a timeout, a refused address, a connection error); null on success. */
            error: string | null;
            /**
             * @description The event delivered: its `id`, sent as `webhook-id`.
             * @example 4711
             */
            eventId: string;
            /** @example customer-segment.segment-created */
            eventType: string;
            /**
             * @description Identifier of the attempt (for `.../attempts/{attemptId}/retry`).
             * @example 1207
             */
            id: string;
            /**
             * @description From sending the request to the end of the answer.
             * @example 12
             */
            latencyMs: number;
            /**
             * Format: date-time
             * @description When the delivery is tried again; null when it succeeded, was given up, or its endpoint disabled.
             */
            nextAttemptAt: string | null;
            /** @description The status it answered; null without an answer. */
            responseStatus: number | null;
            /** @description Whether the endpoint answered 2xx. */
            succeeded: boolean;
        };
        WebhookEndpointCreate: {
            /** @description Whether events are sent; absent: true. Setting it to true again re-enables an endpoint the service disabled. */
            active?: boolean;
            /** @description What the endpoint is for. */
            description?: string;
            /**
             * @description The events to send: exact event types (`customer-segment.segment-created`) or family prefixes (`customer-segment.*`). Empty or absent: every event.
             * @example [
             *       "customer-segment.*",
             *       "client-management.location-created"
             *     ]
             */
            eventTypes?: string[];
            /**
             * @description Where the events are POSTed: an absolute `https` URL without credentials or fragment, not pointing to a loopback, link-local or private address (`http` and such addresses only with `WEBHOOKS_ALLOW_PRIVATE=true`).
             * @example https://hooks.example.com/customer-segments
             */
            url: string;
        };
        WebhookEndpointCreated: {
            /**
             * Format: uuid
             * @example 0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a
             */
            id: string;
            /**
             * @description The signing secret: `whsec_` and the base64 of 32 random bytes. Store it: no read returns it.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2V0XzLrS4hs=
             */
            secret: string;
        };
        /** @description The endpoint the service disabled: it answered 410 Gone (`gone`), or failed for the failing period (`failing`). */
        WebhookEndpointDisabledEventData: {
            /** Format: date-time */
            failingSince: string;
            id: string;
            /** @enum {string} */
            reason: "gone" | "failing";
        };
        WebhookEndpointMetadataUpdate: {
            /** @description The version the caller last saw; a different stored version makes the write fail with 409. Absent: no check. */
            version?: number;
        };
        WebhookEndpointResponse: {
            /** @description Whether events are sent to it. */
            active: boolean;
            description?: string;
            /**
             * @description Why the service disabled it: it answered `410 Gone`, or every attempt failed for `WEBHOOKS_DISABLE_AFTER`.
             * @enum {string}
             */
            disabledReason?: "gone" | "failing";
            /** @description Exact types and `family.*` prefixes; empty: every event. */
            eventTypes: string[];
            /**
             * Format: date-time
             * @description The first failed attempt since the last successful one; absent while attempts succeed.
             */
            failingSince?: string;
            /** Format: uuid */
            id: string;
            metadata: components["schemas"]["MetadataResponse"];
            /**
             * Format: date-time
             * @description Until when the previous secret still signs beside the current one, after a rotation; absent once it does not.
             */
            previousSecretExpiresAt?: string;
            url: string;
        };
        WebhookEndpointUpdate: {
            /** @description Whether events are sent; absent: true. Setting it to true again re-enables an endpoint the service disabled. */
            active?: boolean;
            /** @description What the endpoint is for. */
            description?: string;
            /**
             * @description The events to send: exact event types (`customer-segment.segment-created`) or family prefixes (`customer-segment.*`). Empty or absent: every event.
             * @example [
             *       "customer-segment.*",
             *       "client-management.location-created"
             *     ]
             */
            eventTypes?: string[];
            metadata?: components["schemas"]["WebhookEndpointMetadataUpdate"];
            /**
             * @description Where the events are POSTed: an absolute `https` URL without credentials or fragment, not pointing to a loopback, link-local or private address (`http` and such addresses only with `WEBHOOKS_ALLOW_PRIVATE=true`).
             * @example https://hooks.example.com/customer-segments
             */
            url: string;
        };
        WebhookReplayRequest: {
            /** @description Only these types or `family.*` prefixes (within the endpoint's own filter); absent: all. */
            eventTypes?: string[];
            /**
             * Format: date-time
             * @description Events that occurred at or after this time.
             */
            since: string;
            /**
             * Format: date-time
             * @description Events that occurred before this time.
             */
            until: string;
        };
        WebhookReplayResponse: {
            /**
             * @description Deliveries queued: one per matching event still kept.
             * @example 42
             */
            queued: number;
        };
        WebhookSecretRotated: {
            /**
             * Format: date-time
             * @description Until when the previous secret still signs beside the new one (`WEBHOOKS_SECRET_OVERLAP`); null when there is no overlap.
             */
            previousSecretExpiresAt: string | null;
            /** @description The new signing secret (`whsec_...`), shown only here. */
            secret: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "GET-customer-mgmt-list-contact-assignments": {
        parameters: {
            query?: {
                /** @description Contact assignments of this customer. */
                "customer.id"?: string;
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Contact assignments of this legal entity. */
                "legalEntity.id"?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Contact assignments with this primary flag. */
                primary?: boolean;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
                /** @description Contact assignments of this type. */
                type?: "PRIMARY" | "BILLING" | "LOGISTICS" | "CONTACT";
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contact assignments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactAssignmentResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-customer-mgmt-create-contact-assignment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "legalEntity": {
                 *         "id": "acme"
                 *       },
                 *       "customer": {
                 *         "id": "c-1002"
                 *       },
                 *       "type": "LOGISTICS"
                 *     }
                 */
                "application/json": components["schemas"]["ContactAssignmentCreate"];
            };
        };
        responses: {
            /** @description The contact assignment has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-mgmt-retrieve-contact-assignment": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the contact assignment. */
                contactAssignmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactAssignmentResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-mgmt-update-contact-assignment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the contact assignment. */
                contactAssignmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "legalEntity": {
                 *         "id": "acme"
                 *       },
                 *       "customer": {
                 *         "id": "c-1001"
                 *       },
                 *       "type": "BILLING",
                 *       "primary": true
                 *     }
                 */
                "application/json": components["schemas"]["ContactAssignmentUpdate"];
            };
        };
        responses: {
            /** @description The contact assignment has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The contact assignment has been updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Listed by the reference contract; not answered here, because an upsert creates an absent contact assignment. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-mgmt-remove-contact-assignment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the contact assignment. */
                contactAssignmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact assignment has been deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-mgmt-upsert-customers-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "id": "c-1001",
                 *         "firstName": "Ada",
                 *         "lastName": "Lovelace",
                 *         "email": "ada@acme.example"
                 *       },
                 *       {
                 *         "id": "c-1002",
                 *         "firstName": "Grace",
                 *         "lastName": "Hopper",
                 *         "email": "grace@acme.example",
                 *         "phone": "+49 89 7654321",
                 *         "preferredSite": "main",
                 *         "preferredLanguage": "en_US",
                 *         "preferredCurrency": "EUR",
                 *         "active": true,
                 *         "businessModel": "B2B",
                 *         "type": "CUSTOMER",
                 *         "company": "ACME",
                 *         "customerNumber": "c-1002",
                 *         "b2b": {
                 *           "companyRegistrationId": "123-456-789"
                 *         },
                 *         "metadata": {
                 *           "createdAt": "2024-04-17T08:00:00.000Z"
                 *         }
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CustomerSyncItem"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-mgmt-remove-customers-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       "c-1001",
                 *       "c-1002"
                 *     ]
                 */
                "application/json": string[];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-mgmt-list-legal-entities": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description The legal entity with exactly this id (ids are case-sensitive). */
                id?: string;
                /** @description Legal entities whose country of registration contains this text (case-insensitive). */
                "legalInfo.countryOfRegistration"?: string;
                /** @description Legal entities whose legal name contains this text (case-insensitive). */
                "legalInfo.legalName"?: string;
                /** @description Legal entities whose registration agency contains this text (case-insensitive). */
                "legalInfo.registrationAgency"?: string;
                /** @description Legal entities registered at exactly this date (the text as stored). */
                "legalInfo.registrationDate"?: string;
                /** @description Legal entities with exactly this registration id. */
                "legalInfo.registrationId"?: string;
                /** @description Legal entities with exactly this tax registration number. */
                "legalInfo.taxRegistrationNumber"?: string;
                /** @description Legal entities whose name contains this text (case-insensitive). */
                name?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Legal entities with this parent. */
                parentId?: string;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
                /** @description Legal entities of this type. */
                type?: "COMPANY" | "SUBSIDIARY";
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of legal entities. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalEntityResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-customer-mgmt-create-legal-entity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Globex Retail Ltd",
                 *       "type": "COMPANY",
                 *       "legalInfo": {
                 *         "legalName": "Globex Retail Limited",
                 *         "countryOfRegistration": "GB"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["LegalEntityCreate"];
            };
        };
        responses: {
            /** @description The legal entity has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-mgmt-retrieve-legal-entity": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the legal entity. */
                legalEntityId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalEntityResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-mgmt-update-legal-entity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the legal entity. */
                legalEntityId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme Corporation",
                 *       "type": "COMPANY",
                 *       "legalInfo": {
                 *         "legalName": "Acme Corporation GmbH",
                 *         "registrationDate": "2019-05-14T00:00:00.000Z",
                 *         "taxRegistrationNumber": "DE123456789",
                 *         "countryOfRegistration": "DE"
                 *       },
                 *       "accountLimit": {
                 *         "currency": "EUR",
                 *         "value": 25000
                 *       },
                 *       "customerGroups": [
                 *         {
                 *           "id": "b2b-gold",
                 *           "name": {
                 *             "en": "Gold partners"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["LegalEntityUpdate"];
            };
        };
        responses: {
            /** @description The legal entity has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The legal entity has been updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Listed by the reference contract; not answered here, because an upsert creates an absent legal entity. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-mgmt-remove-legal-entity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the legal entity. */
                legalEntityId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The legal entity has been deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-mgmt-retrieve-legal-entity-parent-hierarchy": {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the legal entity. */
                legalEntityId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalEntityResponse"][];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-customer-mgmt-search-legal-entities": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description The legal entity with exactly this id (ids are case-sensitive). */
                id?: string;
                /** @description Legal entities whose country of registration contains this text (case-insensitive). */
                "legalInfo.countryOfRegistration"?: string;
                /** @description Legal entities whose legal name contains this text (case-insensitive). */
                "legalInfo.legalName"?: string;
                /** @description Legal entities whose registration agency contains this text (case-insensitive). */
                "legalInfo.registrationAgency"?: string;
                /** @description Legal entities registered at exactly this date (the text as stored). */
                "legalInfo.registrationDate"?: string;
                /** @description Legal entities with exactly this registration id. */
                "legalInfo.registrationId"?: string;
                /** @description Legal entities with exactly this tax registration number. */
                "legalInfo.taxRegistrationNumber"?: string;
                /** @description Legal entities whose name contains this text (case-insensitive). */
                name?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Legal entities with this parent. */
                parentId?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
                /** @description Legal entities of this type. */
                type?: "COMPANY" | "SUBSIDIARY";
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "q": "type:COMPANY"
                 *     }
                 */
                "application/json": components["schemas"]["SearchBody"];
            };
        };
        responses: {
            /** @description A page of legal entities. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalEntityResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-mgmt-list-all-locations": {
        parameters: {
            query?: {
                /** @description Locations whose addressLine1 or addressLine2 contains this text (case-insensitive). */
                "contactDetails.address"?: string;
                /** @description Locations whose city contains this text (case-insensitive). */
                "contactDetails.city"?: string;
                /** @description Locations with exactly this country code. */
                "contactDetails.countryCode"?: string;
                /** @description Locations with an e-mail address containing this text (case-insensitive). */
                "contactDetails.email"?: string;
                /** @description Locations with a phone number containing this text (case-insensitive). */
                "contactDetails.phone"?: string;
                /** @description Locations whose postcode contains this text (case-insensitive). */
                "contactDetails.postcode"?: string;
                /** @description Locations whose state contains this text (case-insensitive). */
                "contactDetails.state"?: string;
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Locations whose name contains this text (case-insensitive). */
                name?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
                /** @description Locations of this type. */
                type?: "HEADQUARTER" | "WAREHOUSE" | "OFFICE";
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of locations. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-customer-mgmt-create-location": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme warehouse Hamburg",
                 *       "type": "WAREHOUSE",
                 *       "contactDetails": {
                 *         "addressLine1": "Am Kaiserkai 1",
                 *         "city": "Hamburg",
                 *         "postcode": "20457",
                 *         "countryCode": "DE"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["LocationCreate"];
            };
        };
        responses: {
            /** @description The location has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-mgmt-retrieve-location": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the location. */
                locationId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-mgmt-update-location": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the location. */
                locationId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme headquarters",
                 *       "type": "HEADQUARTER",
                 *       "contactDetails": {
                 *         "emails": [
                 *           "office@acme.example"
                 *         ],
                 *         "phones": [
                 *           "+49 89 1234567"
                 *         ],
                 *         "addressLine1": "Leopoldstrasse 10",
                 *         "city": "Munich",
                 *         "state": "Bavaria",
                 *         "postcode": "80802",
                 *         "countryCode": "DE",
                 *         "tags": [
                 *           "billing",
                 *           "shipping"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["LocationUpdate"];
            };
        };
        responses: {
            /** @description The location has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The location has been updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Listed by the reference contract; not answered here, because an upsert creates an absent location. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-mgmt-remove-location": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the location. */
                locationId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The location has been deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-catalog-category": {
        parameters: {
            query?: never;
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                categoryId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogCategoryResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The service holds no such category. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-upsert-catalog-categories-bulk": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "id": "shoes",
                 *         "code": "SHOES",
                 *         "name": {
                 *           "en": "Shoes",
                 *           "de": "Schuhe"
                 *         },
                 *         "position": 1
                 *       },
                 *       {
                 *         "id": "running-shoes",
                 *         "code": "RUNNING",
                 *         "parentId": "shoes",
                 *         "name": {
                 *           "en": "Running shoes",
                 *           "de": "Laufschuhe"
                 *         },
                 *         "localizedSlug": {
                 *           "en": "running-shoes"
                 *         },
                 *         "validity": {
                 *           "from": "2024-01-01"
                 *         },
                 *         "published": true
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CatalogCategoryUpsert"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-catalog-categories-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       "shoes",
                 *       "running-shoes"
                 *     ]
                 */
                "application/json": string[];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-catalog-product": {
        parameters: {
            query?: never;
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                productId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogProductResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The service holds no such product. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-upsert-catalog-products-bulk": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "id": "sku-1",
                 *         "code": "RUN-42",
                 *         "name": {
                 *           "en": "Trail runner"
                 *         },
                 *         "categoryIds": [
                 *           "running-shoes"
                 *         ]
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CatalogProductUpsert"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-catalog-products-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       "sku-1"
                 *     ]
                 */
                "application/json": string[];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-events": {
        parameters: {
            query?: {
                /** @description Only events after this one (its `id`). */
                after?: string;
                /** @description Most events returned. */
                limit?: number;
                /** @description Comma-separated event types, or families as `<family>.*` (e.g. `customer-segment.*`); unknown ones are a 400. */
                types?: string;
                /** @description Seconds to wait for an event when there is none after the cursor (long poll). */
                wait?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events after the cursor, oldest first; `[]` when there are none (yet). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"][];
                };
            };
            /** @description Invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-segments": {
        parameters: {
            query?: {
                /** @description Only segments this customer is assigned to. Honoured for `customersegment.segment_read` tokens only; customer tokens always see their own segments. */
                customerId?: string;
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Only segments with a customer assignment in this legal entity (of `customerId`, or of the calling customer). */
                legalEntityId?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customer segments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-create-segment": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": {
                 *         "en": "New customers",
                 *         "de": "Neukunden"
                 *       },
                 *       "description": {
                 *         "en": "Customers of the last 30 days"
                 *       },
                 *       "status": "ACTIVE",
                 *       "siteCode": "main",
                 *       "mixins": {
                 *         "campaign": {
                 *           "channel": "newsletter"
                 *         }
                 *       },
                 *       "metadata": {
                 *         "mixins": {
                 *           "campaign": "https://example.com/schemas/campaign.v1.json"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SegmentCreation"];
            };
        };
        responses: {
            /** @description The customer segment has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description Bad request due to validation, incorrect parameters, etc. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description A segment with this id exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-segment": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Only when the segment has a customer assignment in this legal entity (for customer tokens: an assignment of the calling customer). */
                legalEntityId?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer segment successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request due to validation, incorrect parameters, etc. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Resource not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-segment": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": {
                 *         "en": "VIP customers",
                 *         "de": "VIP-Kunden"
                 *       },
                 *       "description": {
                 *         "en": "Customers with more than ten orders a year"
                 *       },
                 *       "validity": {
                 *         "from": "2024-01-01T00:00:00Z"
                 *       },
                 *       "status": "ACTIVE",
                 *       "siteCode": "main"
                 *     }
                 */
                "application/json": components["schemas"]["SegmentUpdate"];
            };
        };
        responses: {
            /** @description The customer segment has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdResponse"];
                };
            };
            /** @description The customer segment has been updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request due to validation, incorrect parameters, etc. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The stored version differs from metadata.version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-segment": {
        parameters: {
            query?: {
                /** @description `true` also deletes the customer and item assignments of the segment; otherwise a segment with assignments is not deleted (400). */
                forceDelete?: boolean;
            };
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer segment was successfully deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request due to validation, incorrect parameters, etc. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PATCH-customer-segment-update-segment": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "op": "replace",
                 *         "path": "/description",
                 *         "value": {
                 *           "en": "Customers with more than twelve orders a year"
                 *         }
                 *       },
                 *       {
                 *         "op": "add",
                 *         "path": "/mixins/tier",
                 *         "value": {
                 *           "level": 1
                 *         }
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["SegmentPatchOperation"][];
                /**
                 * @example [
                 *       {
                 *         "op": "replace",
                 *         "path": "/description",
                 *         "value": {
                 *           "en": "Customers with more than twelve orders a year"
                 *         }
                 *       },
                 *       {
                 *         "op": "add",
                 *         "path": "/mixins/tier",
                 *         "value": {
                 *           "level": 1
                 *         }
                 *       }
                 *     ]
                 */
                "application/json-patch+json": components["schemas"]["SegmentPatchOperation"][];
            };
        };
        responses: {
            /** @description Customer segment was successfully updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request due to validation, incorrect parameters, etc. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Resource not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-customers": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customer assignments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAssignmentResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-customer-by-customerId": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the customer which is added to a customer segment. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer assignment for a customer segment was successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAssignmentB2CResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment has no such B2C assignment. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-customer-by-customerId": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer which is added to a customer segment. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "mixins": {
                 *         "loyalty": {
                 *           "points": 120
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MixinsUpsert"];
            };
        };
        responses: {
            /** @description A new customer assignment was successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The customer assignment was successfully updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body or path parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description `metadata.version` differs from the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-customer-by-customerId": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer which is added to a customer segment. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer assignment was successfully removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-customer": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the customer which is added to a customer segment. */
                customerId: string;
                /** @description Unique identifier of the legal entity which customer is assigned to. */
                legalEntityId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer assignment for a customer segment was successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAssignmentResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment has no such B2B assignment. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-customer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer which is added to a customer segment. */
                customerId: string;
                /** @description Unique identifier of the legal entity which customer is assigned to. */
                legalEntityId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "mixins": {
                 *         "loyalty": {
                 *           "points": 120
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MixinsUpsert"];
            };
        };
        responses: {
            /** @description A new customer assignment was successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The customer assignment was successfully updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body or path parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description `metadata.version` differs from the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-customer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer which is added to a customer segment. */
                customerId: string;
                /** @description Unique identifier of the legal entity which customer is assigned to. */
                legalEntityId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer assignment was successfully removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-explain-membership": {
        parameters: {
            query?: never;
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the customer. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The explanation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipExplanation"];
                };
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-customers-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "customerId": "c-1002"
                 *       },
                 *       {
                 *         "customerId": "c-1002",
                 *         "legalEntityId": "acme"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CustomerAssignmentUpsertBulk"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-customers-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "customerId": "c-1002"
                 *       },
                 *       {
                 *         "customerId": "c-1002",
                 *         "legalEntityId": "acme"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CustomerAssignmentRemoveBulk"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-search-customers": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "q": "legalEntity.id:acme"
                 *     }
                 */
                "application/json": components["schemas"]["SearchBody"];
            };
        };
        responses: {
            /** @description A page of customer assignments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAssignmentResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-exclusions": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of exclusions. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-exclusion-by-customerId": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the customer the segment's criteria must not take in. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exclusion was successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment has no such exclusion. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-exclusion-by-customerId": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer the segment's criteria must not take in. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "mixins": {
                 *         "reason": "opted out"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MixinsUpsert"];
            };
        };
        responses: {
            /** @description A new exclusion was successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The exclusion was successfully updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body or path parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description `metadata.version` differs from the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-exclusion-by-customerId": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer the segment's criteria must not take in. */
                customerId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exclusion was successfully removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-exclusion": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the customer the segment's criteria must not take in. */
                customerId: string;
                /** @description Unique identifier of the legal entity the exclusion applies to. */
                legalEntityId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exclusion was successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment has no such exclusion. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-exclusion": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer the segment's criteria must not take in. */
                customerId: string;
                /** @description Unique identifier of the legal entity the exclusion applies to. */
                legalEntityId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "mixins": {
                 *         "reason": "opted out"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MixinsUpsert"];
            };
        };
        responses: {
            /** @description A new exclusion was successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The exclusion was successfully updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body or path parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description `metadata.version` differs from the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-exclusion": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer the segment's criteria must not take in. */
                customerId: string;
                /** @description Unique identifier of the legal entity the exclusion applies to. */
                legalEntityId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exclusion was successfully removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-exclusions-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "customerId": "c-1002"
                 *       },
                 *       {
                 *         "customerId": "c-1002",
                 *         "legalEntityId": "acme"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["ExclusionUpsertBulk"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-exclusions-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "customerId": "c-1002"
                 *       },
                 *       {
                 *         "customerId": "c-1002",
                 *         "legalEntityId": "acme"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["ExclusionRemoveBulk"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-search-exclusions": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "q": "legalEntityId:acme"
                 *     }
                 */
                "application/json": components["schemas"]["SearchBody"];
            };
        };
        responses: {
            /** @description A page of exclusions. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-segment-items": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`. */
                legalEntityId?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of item assignments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAssignmentResponse"][];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-item": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`. */
                legalEntityId?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description Unique identifier of the product/category. */
                itemId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
                /** @description Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400). */
                type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer segment item assignment was successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAssignmentResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown type or invalid fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description No such assignment (visible to the caller). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-item": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the product/category. */
                itemId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
                /** @description Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400). */
                type: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mixins": {
                 *         "placement": {
                 *           "slot": "homepage-teaser"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MixinsUpsert"];
            };
        };
        responses: {
            /** @description A new item assignment was successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The item assignment was successfully updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body or path parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The segment does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description `metadata.version` differs from the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-item": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the product/category. */
                itemId: string;
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
                /** @description Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400). */
                type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Item assignment was successfully removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown type. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-items-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
                /** @description Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400). */
                type: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "id": "sku-2"
                 *       },
                 *       {
                 *         "id": "sku-3"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["ItemAssignmentUpsertBulk"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-items-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
                /** @description Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400). */
                type: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       "sku-2",
                 *       "sku-3"
                 *     ]
                 */
                "application/json": string[];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-search-items": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`. */
                legalEntityId?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description Unique identifier of the customer segment. */
                segmentId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "q": "type:PRODUCT"
                 *     }
                 */
                "application/json": components["schemas"]["SearchBody"];
            };
        };
        responses: {
            /** @description A page of item assignments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAssignmentResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "PUT-customer-segment-update-segments-bulk": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "id": "gold",
                 *         "name": {
                 *           "en": "Gold members"
                 *         },
                 *         "status": "ACTIVE",
                 *         "siteCode": "main"
                 *       },
                 *       {
                 *         "id": "silver",
                 *         "name": {
                 *           "en": "Silver members"
                 *         },
                 *         "status": "INACTIVE",
                 *         "siteCode": "main"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["SegmentUpdateBulk"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-create-segments-bulk": {
        parameters: {
            query?: never;
            header?: {
                /** @description A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps. */
                "Content-Language"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": {
                 *           "en": "Newsletter subscribers"
                 *         },
                 *         "siteCode": "main"
                 *       },
                 *       {
                 *         "name": {
                 *           "en": "Wholesale buyers"
                 *         },
                 *         "status": "ACTIVE",
                 *         "siteCode": "main"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["SegmentCreation"][];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "DELETE-customer-segment-remove-segments-bulk": {
        parameters: {
            query?: {
                /** @description `true` also deletes the customer and item assignments of the segment; otherwise a segment with assignments is not deleted (400). */
                forceDelete?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       "gold",
                 *       "silver"
                 *     ]
                 */
                "application/json": string[];
            };
        };
        responses: {
            /** @description Multi-status response: one entry per request item, `index` being its zero-based position. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentBulkItemResponse"][];
                };
            };
            /** @description The request as a whole is invalid, e.g. the body is not an array of 1 to 200 items; nothing was applied. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-preview-criteria": {
        parameters: {
            query?: {
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Matches per page (default 16, at most 1000). */
                pageSize?: number;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "criteria": "customer.active:true"
                 *     }
                 */
                "application/json": components["schemas"]["CriteriaPreviewRequest"];
            };
        };
        responses: {
            /** @description What the criteria match now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CriteriaPreviewResponse"];
                };
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-segments-items": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`. */
                legalEntityId?: string;
                /** @description Only items of ACTIVE, currently valid segments. Always true for customer tokens. */
                onlyActive?: boolean;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Only segments of this site. */
                siteCode?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of item assignments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAssignmentResponse"][];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-customer-segment-retrieve-category-trees": {
        parameters: {
            query?: {
                /** @description Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`. */
                legalEntityId?: string;
                /** @description Only segments of this site. */
                siteCode?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer categories assignments were successfully retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryTreeNode"][];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A query parameter was given twice. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-check-match": {
        parameters: {
            query?: {
                /** @description Extension: `true` adds `matchedBy` to each matched product: every given segment that grants it (by id), `PRODUCT` when the segment assigns the product itself, else `CATEGORY` with the shortest chain from the product's category up to the assigned one. One more statement than without it: for finding out, not for every page view. */
                explain?: boolean;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "siteCode": "main",
                 *       "segmentIds": [
                 *         "vip"
                 *       ],
                 *       "items": [
                 *         {
                 *           "id": "sku-1"
                 *         },
                 *         {
                 *           "id": "sku-9"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Match"];
            };
        };
        responses: {
            /** @description Id of the products which match criteria. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchedItem"][];
                };
            };
            /** @description Invalid body: missing site, too many items, malformed items. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "POST-customer-segment-search-segments": {
        parameters: {
            query?: {
                /** @description Only segments this customer is assigned to. Honoured for `customersegment.segment_read` tokens only; customer tokens always see their own segments. */
                customerId?: string;
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Only segments with a customer assignment in this legal entity (of `customerId`, or of the calling customer). */
                legalEntityId?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps. */
                "Accept-Language"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "q": "status:ACTIVE siteCode:main"
                 *     }
                 */
                "application/json": components["schemas"]["SearchBody"];
            };
        };
        responses: {
            /** @description A page of customer segments. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentErrorResponse"];
                };
            };
        };
    };
    "GET-health-liveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    "GET-health-readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    "GET-oauth-jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "POST-oauth-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "client_id": "dev-client",
                 *       "client_secret": "dev-secret",
                 *       "scope": "tenant=mytenant"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRequestBody"];
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "client_id": "dev-client",
                 *       "client_secret": "dev-secret",
                 *       "scope": "tenant=mytenant"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequestBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseBody"];
                };
            };
            /** @description An OAuth 2 error (RFC 6749 5.2), as every 4xx of this endpoint: `unsupported_grant_type` (not `client_credentials`), `invalid_scope` (no valid `tenant=...`, an unknown scope parameter, a scope or tenant the client may not have, or a scope string over 4096 characters), `unauthorized_client` (a customer token from a client not allowed to mint them), `invalid_request` (no `grant_type`, or a malformed body). Other 4xx (413, 415, 429) carry `invalid_request` too; 5xx keep the Emporix error body. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
            /** @description `invalid_client`: unknown client or wrong secret. With `WWW-Authenticate: Basic` when the client authenticated with HTTP Basic. */
            401: {
                headers: {
                    /** @description `Basic realm="oauth"`, after HTTP Basic credentials. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
        };
    };
    "GET-webhook-list-endpoints": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhook endpoints. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-webhook-create-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/customer-segments",
                 *       "description": "Segment changes for the CRM",
                 *       "eventTypes": [
                 *         "customer-segment.*"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description The endpoint has been created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The tenant has 100 endpoints already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-webhook-retrieve-endpoint": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept). */
                fields?: string;
            };
            header?: {
                /** @description The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`. */
                "If-None-Match"?: string;
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
            };
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponse"];
                };
            };
            /** @description Not modified: the answer would be the one the `If-None-Match` tag names. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The tenant has no endpoint with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "PUT-webhook-update-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/customer-segments",
                 *       "description": "Segment changes for the CRM",
                 *       "eventTypes": [
                 *         "customer-segment.*",
                 *         "client-management.*"
                 *       ],
                 *       "active": true
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            /** @description The endpoint has been updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The tenant has no endpoint with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `metadata.version` differs from the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "DELETE-webhook-delete-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint has been deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The tenant has no endpoint with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "GET-webhook-list-endpoint-attempts": {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept). */
                fields?: string;
                /** @description Page to return, starting at 1. */
                pageNumber?: number;
                /** @description Documents per page (default 16, at most 1000). */
                pageSize?: number;
                /** @description Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`. */
                q?: string;
                /** @description Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`. */
                sort?: string;
            };
            header?: {
                /** @description The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400. */
                "X-Consistency-Token"?: string;
                /** @description When `true`, the response has an `X-Total-Count` header with the number of matches. */
                "X-Total-Count"?: boolean;
            };
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attempts. */
            200: {
                headers: {
                    /** @description The number of matches; only when the request asked with `X-Total-Count: true`. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptResponse"][];
                };
            };
            /** @description Invalid q, sort, fields or paging. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-webhook-retry-attempt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` of an attempt of the endpoint, as its attempts list or the test message answered it. */
                attemptId: string;
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery is due. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A document with this id already exists, or `metadata.version` does not match the stored version. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-webhook-replay-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "since": "2026-01-01T00:00:00Z",
                 *       "until": "2026-01-02T00:00:00Z",
                 *       "eventTypes": [
                 *         "customer-segment.*"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WebhookReplayRequest"];
            };
        };
        responses: {
            /** @description The deliveries are queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResponse"];
                };
            };
            /** @description The request is invalid; the body names the offending fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-webhook-rotate-endpoint-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretRotated"];
                };
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The tenant has no endpoint with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    "POST-webhook-test-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404. */
                endpointId: string;
                /**
                 * @description Your tenant name (always lowercase).
                 * @example mytenant
                 */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the attempt came to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptResponse"];
                };
            };
            /** @description Invalid tenant or request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedResponse"];
                };
            };
            /** @description The token lacks a required scope or belongs to another tenant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The requested resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; the body reveals nothing about the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is unavailable or overloaded; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
