--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id bigint NOT NULL,
    key_id text NOT NULL,
    tenant text NOT NULL,
    key_hash bytea NOT NULL,
    scopes text NOT NULL,
    create_time bigint NOT NULL,
    expire_time bigint,
    revoke_time bigint,
    created_by text
);


--
-- Name: api_keys_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.api_keys ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.api_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: api_keys_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys_version (
    id bigint NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT api_keys_version_id_check CHECK ((id = 1))
);


--
-- Name: idempotency_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_records (
    request_id text NOT NULL,
    operation text NOT NULL,
    fingerprint bytea NOT NULL,
    response bytea NOT NULL,
    create_time bigint NOT NULL,
    tenant text DEFAULT 'default'::text NOT NULL
);


--
-- Name: pools; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pools (
    id bigint NOT NULL,
    name text NOT NULL,
    customer_id text DEFAULT ''::text NOT NULL,
    total_seats bigint NOT NULL,
    min_seats bigint DEFAULT 0 NOT NULL,
    max_seats bigint DEFAULT 0 NOT NULL,
    occupied_seats bigint DEFAULT 0 NOT NULL,
    last_event_sequence bigint DEFAULT 0 NOT NULL,
    create_time bigint NOT NULL,
    update_time bigint NOT NULL,
    version bigint NOT NULL,
    tenant text DEFAULT 'default'::text NOT NULL,
    CONSTRAINT pools_check CHECK (((occupied_seats >= 0) AND (occupied_seats <= total_seats))),
    CONSTRAINT pools_max_seats_check CHECK ((max_seats >= 0)),
    CONSTRAINT pools_min_seats_check CHECK ((min_seats >= 0)),
    CONSTRAINT pools_total_seats_check CHECK ((total_seats >= 0))
);


--
-- Name: pools_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.pools ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.pools_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_time bigint NOT NULL
);


--
-- Name: seat_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seat_events (
    pool_id bigint NOT NULL,
    sequence bigint NOT NULL,
    type text NOT NULL,
    seat_name text,
    previous_seat_name text,
    email text,
    customer_id text,
    external_customer_id text,
    previous_email text,
    previous_customer_id text,
    previous_external_customer_id text,
    total_seats bigint,
    "time" bigint NOT NULL,
    request_id text,
    tenant text DEFAULT 'default'::text NOT NULL,
    key_id text
);


--
-- Name: seats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seats (
    id bigint NOT NULL,
    public_id text NOT NULL,
    pool_id bigint NOT NULL,
    status text NOT NULL,
    email text,
    email_normalized text,
    customer_id text,
    external_customer_id text,
    metadata text DEFAULT '{}'::text NOT NULL,
    token_hash bytea,
    invitation_expire_time bigint,
    claim_time bigint,
    revoke_time bigint,
    create_time bigint NOT NULL,
    update_time bigint NOT NULL,
    version bigint NOT NULL,
    tenant text DEFAULT 'default'::text NOT NULL,
    CONSTRAINT seats_check CHECK (((email IS NOT NULL) OR (customer_id IS NOT NULL) OR (external_customer_id IS NOT NULL))),
    CONSTRAINT seats_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'claimed'::text, 'revoked'::text])))
);


--
-- Name: seats_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.seats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.seats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: secrets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.secrets (
    name text NOT NULL,
    value bytea NOT NULL
);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_keys OVERRIDING SYSTEM VALUE VALUES (1, 'fixturev2fix', 'default', '\xae64599a4039160bab9a7d69d9725bc5f809e85242029b0414abc5d274510031', 'seats:admin', 1795911965914914, NULL, NULL, NULL);


--
-- Data for Name: api_keys_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_keys_version VALUES (1, 1);


--
-- Data for Name: idempotency_records; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency_records VALUES ('33333333-3333-4333-8333-333333333333', 'AssignSeat', '\xcecc29fdf963fcfe8cdcd3b272221b7dd026ef43c2a04f3010105bea9d67d1ad', '\x0a7f0a1c73656174732f4161496b736548656d536e6f65683833314573475f771214737562736372697074696f6e732f7375625f76321801220f616e6e406578616d706c652e636f6d3a0c0a047465616d1204626c7565420b089fd7d2d80610d8e4bc565a0b089fe2add80610d8e4bc56620b089fe2add80610d8e4bc566a0131', 1795911967181351, 'default');


--
-- Data for Name: pools; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.pools OVERRIDING SYSTEM VALUE VALUES (1, 'subscriptions/sub_v2', 'cus_owner', 3, 0, 0, 2, 5, 1795911967053295, 1795911967420932, 5, 'default');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, '0001_initial.sql', 1795911965837000);
INSERT INTO public.schema_migrations VALUES (2, '0002_tenants_and_api_keys.sql', 1795911965858000);


--
-- Data for Name: seat_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.seat_events VALUES (1, 1, 'pool_resized', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 3, 1795911967053295, NULL, 'default', 'fixturev2fix');
INSERT INTO public.seat_events VALUES (1, 2, 'assigned', 'seats/AaIkseHemSnoeh831EsG_w', NULL, 'ann@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795911967181351, '33333333-3333-4333-8333-333333333333', 'default', 'fixturev2fix');
INSERT INTO public.seat_events VALUES (1, 3, 'assigned', 'seats/AaIkseIT-tJMPbDmJ7JgVw', NULL, 'bob@example.com', 'cus_bob', NULL, NULL, NULL, NULL, NULL, 1795911967251322, NULL, 'default', 'fixturev2fix');
INSERT INTO public.seat_events VALUES (1, 4, 'assigned', 'seats/AaIkseIjCpyKff2G5aIXLw', NULL, 'cy@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795911967267423, NULL, 'default', 'fixturev2fix');
INSERT INTO public.seat_events VALUES (1, 5, 'revoked', 'seats/AaIkseIjCpyKff2G5aIXLw', NULL, 'cy@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795911967420932, NULL, 'default', 'fixturev2fix');


--
-- Data for Name: seats; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (1, 'AaIkseHemSnoeh831EsG_w', 1, 'pending', 'ann@example.com', 'ann@example.com', NULL, NULL, '{"team":"blue"}', '\x724731dac5ab9587d47bb9b1fbd24d63a3980450944db2f1f441cca3423e3902', 1796516767181351, NULL, NULL, 1795911967181351, 1795911967181351, 1, 'default');
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (2, 'AaIkseIT-tJMPbDmJ7JgVw', 1, 'claimed', 'bob@example.com', 'bob@example.com', 'cus_bob', NULL, '{}', NULL, NULL, 1795911967251322, NULL, 1795911967251322, 1795911967251322, 1, 'default');
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (3, 'AaIkseIjCpyKff2G5aIXLw', 1, 'revoked', 'cy@example.com', 'cy@example.com', NULL, NULL, '{}', NULL, 1796516767267423, NULL, 1795911967420932, 1795911967267423, 1795911967420932, 2, 'default');


--
-- Data for Name: secrets; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.secrets VALUES ('page_token_key', '\xe062406ee0a0064ebe0cdbcdab57800b9536ab6a9ad19a71f6824f35f90e3b3a');
INSERT INTO public.secrets VALUES ('api_keys_bootstrapped', '\x01');


--
-- Name: api_keys_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_keys_id_seq', 1, true);


--
-- Name: pools_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.pools_id_seq', 1, true);


--
-- Name: seats_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.seats_id_seq', 3, true);


--
-- Name: api_keys api_keys_key_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash);


--
-- Name: api_keys api_keys_key_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_key_id_key UNIQUE (key_id);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: api_keys_version api_keys_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys_version
    ADD CONSTRAINT api_keys_version_pkey PRIMARY KEY (id);


--
-- Name: idempotency_records idempotency_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_records
    ADD CONSTRAINT idempotency_records_pkey PRIMARY KEY (tenant, request_id);


--
-- Name: pools pools_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pools
    ADD CONSTRAINT pools_pkey PRIMARY KEY (id);


--
-- Name: pools pools_tenant_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pools
    ADD CONSTRAINT pools_tenant_name_key UNIQUE (tenant, name);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: seat_events seat_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seat_events
    ADD CONSTRAINT seat_events_pkey PRIMARY KEY (pool_id, sequence);


--
-- Name: seats seats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seats
    ADD CONSTRAINT seats_pkey PRIMARY KEY (id);


--
-- Name: seats seats_public_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seats
    ADD CONSTRAINT seats_public_id_key UNIQUE (public_id);


--
-- Name: secrets secrets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.secrets
    ADD CONSTRAINT secrets_pkey PRIMARY KEY (name);


--
-- Name: api_keys_by_tenant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_keys_by_tenant ON public.api_keys USING btree (tenant, id);


--
-- Name: idempotency_records_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotency_records_by_time ON public.idempotency_records USING btree (create_time);


--
-- Name: seats_by_pool; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seats_by_pool ON public.seats USING btree (pool_id, id);


--
-- Name: seats_by_pool_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seats_by_pool_status ON public.seats USING btree (pool_id, status, id);


--
-- Name: seats_by_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX seats_by_token_hash ON public.seats USING btree (token_hash) WHERE (token_hash IS NOT NULL);


--
-- Name: seats_claimed_by_tenant_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seats_claimed_by_tenant_customer ON public.seats USING btree (tenant, customer_id, id) WHERE (status = 'claimed'::text);


--
-- Name: seats_one_active_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX seats_one_active_customer ON public.seats USING btree (pool_id, customer_id) WHERE ((status <> 'revoked'::text) AND (customer_id IS NOT NULL));


--
-- Name: seats_one_active_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX seats_one_active_email ON public.seats USING btree (pool_id, email_normalized) WHERE ((status <> 'revoked'::text) AND (email_normalized IS NOT NULL));


--
-- Name: seats_one_active_external_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX seats_one_active_external_customer ON public.seats USING btree (pool_id, external_customer_id) WHERE ((status <> 'revoked'::text) AND (external_customer_id IS NOT NULL));


--
-- Name: seat_events seat_events_pool_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seat_events
    ADD CONSTRAINT seat_events_pool_id_fkey FOREIGN KEY (pool_id) REFERENCES public.pools(id);


--
-- Name: seats seats_pool_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seats
    ADD CONSTRAINT seats_pool_id_fkey FOREIGN KEY (pool_id) REFERENCES public.pools(id);


--
-- PostgreSQL database dump complete
--


