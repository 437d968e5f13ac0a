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
    legacy_token boolean DEFAULT false NOT NULL,
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

INSERT INTO public.api_keys OVERRIDING SYSTEM VALUE VALUES (1, 'fixturev3fix', 'default', '\x5de2282f9738c0df494d65108b1d18acdf559a847bdc0950a80ce17c3330c664', 'seats:admin', 1795938002329398, NULL, NULL, NULL);


--
-- Data for Name: api_keys_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_keys_version VALUES (1, 1);


--
-- Data for Name: idempotency_records; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency_records VALUES ('44444444-4444-4444-8444-444444444444', 'AssignSeat', '\xc05d8185971323b0fd2e72d6976052707d5b1cdcd7deb9d56118e03eb2608ba7', '\x0a80010a1c73656174732f4161496d50796b4e4169556d7a653043624e6a6f59771214737562736372697074696f6e732f7375625f76331801220f616e6e406578616d706c652e636f6d3a0d0a047465616d1205677265656e420b08d3a2d4d80610f8ffcf5e5a0b08d3adafd80610f8ffcf5e620b08d3adafd80610f8ffcf5e6a0131', 1795938003198443, 'default');
INSERT INTO public.idempotency_records VALUES ('55555555-5555-4555-8555-555555555555', 'ManageSeats', '\x7c31242b41cea6eaf5629eec0d9f252a72140b238fbe0774216c19724eec183f', '\x0a730a710a1c73656174732f4161496d507979586254314d517535506361723633771214737562736372697074696f6e732f7375625f76331801220f666179406578616d706c652e636f6d420b08d4a2d4d80610e097a2345a0b08d4adafd80610e097a234620b08d4adafd80610e097a2346a01310a7c0a7a0a1c73656174732f4161496d507979594d5275625150306831774b7153671214737562736372697074696f6e732f7375625f76331802220f677573406578616d706c652e636f6d2a076375735f6775734a0b08d4adafd80610e097a2345a0b08d4adafd80610e097a234620b08d4adafd80610e097a2346a01310a80010a7e0a1c73656174732f4161496d5079786d4776394c61685f433576496550411214737562736372697074696f6e732f7375625f76331803220f68616c406578616d706c652e636f6d420b08d4a2d4d8061080c0d821520b08d4adafd80610e097a2345a0b08d4adafd8061080c0d821620b08d4adafd80610e097a2346a01321005', 1795938004109612, 'default');


--
-- Data for Name: pools; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.pools OVERRIDING SYSTEM VALUE VALUES (2, 'orders/ord_v3', 'cus_owner', 2, 0, 0, 0, 1, 1795938003144742, 1795938003144742, 1, 'default');
INSERT INTO public.pools OVERRIDING SYSTEM VALUE VALUES (1, 'subscriptions/sub_v3', 'cus_owner', 10, 0, 0, 6, 16, 1795938003042350, 1795938004340006, 13, 'default');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, '0001_initial.sql', 1795938002218000);
INSERT INTO public.schema_migrations VALUES (2, '0002_tenants_and_api_keys.sql', 1795938002245000);
INSERT INTO public.schema_migrations VALUES (3, '0003_seat_named_tokens.sql', 1795938002248000);


--
-- Data for Name: seat_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.seat_events VALUES (1, 1, 'pool_resized', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 10, 1795938003042350, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (2, 1, 'pool_resized', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2, 1795938003144742, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 2, 'assigned', 'seats/AaImPykNAiUmze0CbNjoYw', NULL, 'ann@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938003198443, '44444444-4444-4444-8444-444444444444', 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 3, 'assigned', 'seats/AaImPyl4-VBCx564Y9nkew', NULL, 'bob@example.com', 'cus_bob', NULL, NULL, NULL, NULL, NULL, 1795938003320497, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 4, 'assigned', 'seats/AaImPymWfYyDLIRqiTepFA', NULL, 'cy@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938003350722, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 5, 'revoked', 'seats/AaImPymWfYyDLIRqiTepFA', NULL, 'cy@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938003686823, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 6, 'assigned', 'seats/AaImPysIkAB1ayGze1JAIg', NULL, 'dee@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938003720460, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 7, 'claimed', 'seats/AaImPysIkAB1ayGze1JAIg', NULL, 'dee@example.com', 'cus_dee', NULL, NULL, NULL, NULL, NULL, 1795938003872990, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 8, 'assigned', 'seats/AaImPyvCs5Tf_eVEutt4Mg', NULL, 'eve@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938003906438, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 9, 'revoked', 'seats/AaImPyvCs5Tf_eVEutt4Mg', NULL, 'eve@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004054517, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 10, 'assigned', 'seats/AaImPyxmGv9Lah_C5vIePA', NULL, 'hal@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004070656, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 11, 'assigned', 'seats/AaImPyyXbT1MQu5Pcar63w', NULL, 'fay@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004109612, '55555555-5555-4555-8555-555555555555', 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 12, 'assigned', 'seats/AaImPyyYMRubQP0h1wKqSg', NULL, 'gus@example.com', 'cus_gus', NULL, NULL, NULL, NULL, NULL, 1795938004109612, '55555555-5555-4555-8555-555555555555', 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 13, 'unassigned', 'seats/AaImPyxmGv9Lah_C5vIePA', NULL, 'hal@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004109612, '55555555-5555-4555-8555-555555555555', 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 14, 'assigned', 'seats/AaImPyy9mYhIESkEoeTEWw', NULL, 'ivy@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004157571, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 15, 'assigned', 'seats/AaImPyzbiZnupGHrrey6ug', NULL, 'jon@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004187852, NULL, 'default', 'fixturev3fix');
INSERT INTO public.seat_events VALUES (1, 16, 'revoked', 'seats/AaImPyzbiZnupGHrrey6ug', NULL, 'jon@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795938004340006, NULL, 'default', 'fixturev3fix');


--
-- Data for Name: seats; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (1, 'AaImPykNAiUmze0CbNjoYw', 1, 'pending', 'ann@example.com', 'ann@example.com', NULL, NULL, '{"team":"green"}', '\xe9d732a46bcc551641779d4a65471d51d84e345450f512b2e04812abab7d8725', 1796542803198443, NULL, NULL, 1795938003198443, 1795938003198443, 1, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (2, 'AaImPyl4-VBCx564Y9nkew', 1, 'claimed', 'bob@example.com', 'bob@example.com', 'cus_bob', NULL, '{}', NULL, NULL, 1795938003320497, NULL, 1795938003320497, 1795938003320497, 1, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (3, 'AaImPymWfYyDLIRqiTepFA', 1, 'revoked', 'cy@example.com', 'cy@example.com', NULL, NULL, '{}', NULL, 1796542803350722, NULL, 1795938003686823, 1795938003350722, 1795938003686823, 2, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (4, 'AaImPysIkAB1ayGze1JAIg', 1, 'claimed', 'dee@example.com', 'dee@example.com', 'cus_dee', NULL, '{}', NULL, 1796542803720460, 1795938003872990, NULL, 1795938003720460, 1795938003872990, 2, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (5, 'AaImPyvCs5Tf_eVEutt4Mg', 1, 'revoked', 'eve@example.com', 'eve@example.com', NULL, NULL, '{}', NULL, 1796542803906438, NULL, 1795938004054517, 1795938003906438, 1795938004054517, 2, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (7, 'AaImPyyXbT1MQu5Pcar63w', 1, 'pending', 'fay@example.com', 'fay@example.com', NULL, NULL, '{}', '\x6c84888a8b967d6b0572dcf34f332c32c7af65508424e185b6e5ee08b176f31a', 1796542804109612, NULL, NULL, 1795938004109612, 1795938004109612, 1, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (8, 'AaImPyyYMRubQP0h1wKqSg', 1, 'claimed', 'gus@example.com', 'gus@example.com', 'cus_gus', NULL, '{}', NULL, NULL, 1795938004109612, NULL, 1795938004109612, 1795938004109612, 1, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (6, 'AaImPyxmGv9Lah_C5vIePA', 1, 'revoked', 'hal@example.com', 'hal@example.com', NULL, NULL, '{}', NULL, 1796542804070656, NULL, 1795938004109612, 1795938004070656, 1795938004109612, 2, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (9, 'AaImPyy9mYhIESkEoeTEWw', 1, 'pending', 'ivy@example.com', 'ivy@example.com', NULL, NULL, '{}', '\xf12933da02ff1ccc99738499129b80ce672a2532d4800853e4b61172c475ff3f', 1796542804157571, NULL, NULL, 1795938004157571, 1795938004157571, 1, 'default', false);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (10, 'AaImPyzbiZnupGHrrey6ug', 1, 'revoked', 'jon@example.com', 'jon@example.com', NULL, NULL, '{}', NULL, 1796542804187852, NULL, 1795938004340006, 1795938004187852, 1795938004340006, 2, 'default', false);


--
-- Data for Name: secrets; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.secrets VALUES ('page_token_key', '\x081105de666a8eb6e8ec91e19c0f21525e3e3ab752421a1cad3d4b30a9df1410');
INSERT INTO public.secrets VALUES ('api_keys_bootstrapped', '\x01');


--
-- Name: api_keys_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_keys_id_seq', 1, true);


--
-- Name: pools_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.pools_id_seq', 2, true);


--
-- Name: seats_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.seats_id_seq', 10, true);


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
-- Name: seats_by_legacy_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX seats_by_legacy_token_hash ON public.seats USING btree (token_hash) WHERE legacy_token;


--
-- Name: seats_by_pool; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seats_by_pool ON public.seats USING btree (pool_id, id);


--
-- Name: seats_by_pool_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seats_by_pool_status ON public.seats USING btree (pool_id, status, id);


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


