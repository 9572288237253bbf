-- The OwnTracks locations table as the deployed otel-worker reads it (database owntracks), for
-- local runs and the tests. Safe to run again: it creates only what is missing.
CREATE TABLE IF NOT EXISTS public.locations (
    id              serial PRIMARY KEY,
    device_id       varchar(255) NOT NULL,
    tid             varchar(10),
    latitude        double precision,
    longitude       double precision,
    accuracy        integer,
    altitude        double precision,
    velocity        integer,
    battery         integer,
    battery_status  integer,
    connection_type varchar(10),
    trigger         varchar(10),
    timestamp       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    raw_payload     jsonb
);

-- A day of one device (the worker's query) and a device's count (/db/locations) read an index,
-- not the table.
CREATE INDEX IF NOT EXISTS locations_device_id_created_at ON public.locations (device_id, created_at);
-- A day of every device.
CREATE INDEX IF NOT EXISTS locations_created_at ON public.locations (created_at);
