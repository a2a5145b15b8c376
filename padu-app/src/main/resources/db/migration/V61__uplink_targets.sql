-- The central uplinks as SNMP targets of their own (module collection): the gateway's WAN
-- interface towards one provider, polled like an agency's target (same credentials in app_secret,
-- same poller) but for the uplink's availability, not for an agency's usage. An uplink target has
-- a provider (named as the plan's uplinks name it) and optionally the product, no agency.
-- Numbered 61 to stay clear of the other modules.
ALTER TABLE snmp_target ADD COLUMN target_kind VARCHAR(8) DEFAULT 'agency' NOT NULL;
ALTER TABLE snmp_target ADD COLUMN provider VARCHAR(200);
-- '' when the uplink names no product: NOT NULL so that the unique key below holds for it too.
ALTER TABLE snmp_target ADD COLUMN product VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE snmp_target ALTER COLUMN agency_code DROP NOT NULL;
ALTER TABLE snmp_target ADD CONSTRAINT snmp_target_kind_ck CHECK (
    (target_kind = 'agency' AND agency_code IS NOT NULL AND provider IS NULL)
    OR (target_kind = 'uplink' AND agency_code IS NULL AND provider IS NOT NULL));
-- One target per uplink (agency targets have no provider, and NULLs never collide).
ALTER TABLE snmp_target ADD CONSTRAINT snmp_target_uplink_uk UNIQUE (provider, product);
