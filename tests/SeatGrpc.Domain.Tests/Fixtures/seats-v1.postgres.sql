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
-- Name: idempotency_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_records (
    request_id text NOT NULL,
    operation text NOT NULL,
    fingerprint bytea NOT NULL,
    response bytea NOT NULL,
    create_time bigint NOT NULL
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
    request_id text
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
-- Data for Name: idempotency_records; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency_records VALUES ('11111111-1111-4111-8111-111111111111', 'AssignSeat', '\x454ec94efb45476c79cae1685b4d3639680c407c15514a160b4ced1e123ad670', '\x0a81010a1c73656174732f4161496a59316263586370326d4e6e555574377765671214737562736372697074696f6e732f7375625f76311801220f616e6e406578616d706c652e636f6d3a0b0a047465616d1203726564420c08faabd1d80610889bc28f025a0c08fab6acd80610889bc28f02620c08fab6acd80610889bc28f026a0131', 1795890042569413);
INSERT INTO public.idempotency_records VALUES ('22222222-2222-4222-8222-222222222222', 'ManageSeats', '\x5392438410d5728c45790eb418011a9a4fed6f143c07dc25ec1d91e98e577c82', '\x0a760a740a1c73656174732f4161496a5931647635442d4e5373565247386d5a39771214737562736372697074696f6e732f7375625f76311802220f646565406578616d706c652e636f6d4a0c08fab6acd8061080a8a3d9025a0c08fab6acd8061080a8a3d902620c08fab6acd8061080a8a3d9026a01310a7f0a7d0a1c73656174732f4161496a59316437715466306456566b57626f4361511214737562736372697074696f6e732f7375625f76311802220f657665406578616d706c652e636f6d2a076375735f6576654a0c08fab6acd8061080a8a3d9025a0c08fab6acd8061080a8a3d902620c08fab6acd8061080a8a3d9026a0131', 1795890042724096);


--
-- Data for Name: pools; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.pools OVERRIDING SYSTEM VALUE VALUES (1, 'subscriptions/sub_v1', 'cus_owner', 3, 0, 0, 2, 6, 1795890042394529, 1795890042814420, 5);
INSERT INTO public.pools OVERRIDING SYSTEM VALUE VALUES (2, 'orders/ord_v1', '', 2, 0, 0, 2, 3, 1795890042521321, 1795890042844428, 3);


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, '0001_initial.sql', 1795890036890000);


--
-- Data for Name: seat_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.seat_events VALUES (1, 1, 'pool_resized', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 3, 1795890042394529, NULL);
INSERT INTO public.seat_events VALUES (2, 1, 'pool_resized', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2, 1795890042521321, NULL);
INSERT INTO public.seat_events VALUES (1, 2, 'assigned', 'seats/AaIjY1bcXcp2mNnUUt7weg', NULL, 'ann@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795890042569413, '11111111-1111-4111-8111-111111111111');
INSERT INTO public.seat_events VALUES (1, 3, 'assigned', 'seats/AaIjY1cqCUosJB2QczcbGA', NULL, 'bob@example.com', 'cus_bob', NULL, NULL, NULL, NULL, NULL, 1795890042660811, NULL);
INSERT INTO public.seat_events VALUES (2, 2, 'assigned', 'seats/AaIjY1dFUpWzdXiH5LJtlw', NULL, NULL, 'cus_cy', NULL, NULL, NULL, NULL, NULL, 1795890042690496, NULL);
INSERT INTO public.seat_events VALUES (1, 4, 'assigned', 'seats/AaIjY1dv5D-NSsVRG8mZ9w', NULL, 'dee@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795890042724096, '22222222-2222-4222-8222-222222222222');
INSERT INTO public.seat_events VALUES (1, 5, 'replaced', 'seats/AaIjY1d7qTf0dVVkWboCaQ', 'seats/AaIjY1cqCUosJB2QczcbGA', 'eve@example.com', 'cus_eve', NULL, 'bob@example.com', 'cus_bob', NULL, NULL, 1795890042724096, '22222222-2222-4222-8222-222222222222');
INSERT INTO public.seat_events VALUES (1, 6, 'revoked', 'seats/AaIjY1bcXcp2mNnUUt7weg', NULL, 'ann@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795890042814420, NULL);
INSERT INTO public.seat_events VALUES (2, 3, 'assigned', 'seats/AaIjY1feuTzuDrCDyGahnQ', NULL, 'fay@example.com', NULL, NULL, NULL, NULL, NULL, NULL, 1795890042844428, NULL);


--
-- Data for Name: seats; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (3, 'AaIjY1dFUpWzdXiH5LJtlw', 2, 'pending', NULL, NULL, 'cus_cy', NULL, '{}', '\x5033734d4991501cdfe6fe8c3d4fcfa6358d0696b29db22e08e1ff6f18f71734', 1796494842690496, NULL, NULL, 1795890042690496, 1795890042690496, 1);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (4, 'AaIjY1dv5D-NSsVRG8mZ9w', 1, 'claimed', 'dee@example.com', 'dee@example.com', NULL, NULL, '{}', NULL, NULL, 1795890042724096, NULL, 1795890042724096, 1795890042724096, 1);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (2, 'AaIjY1cqCUosJB2QczcbGA', 1, 'revoked', 'bob@example.com', 'bob@example.com', 'cus_bob', NULL, '{}', NULL, NULL, 1795890042660811, 1795890042724096, 1795890042660811, 1795890042724096, 2);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (5, 'AaIjY1d7qTf0dVVkWboCaQ', 1, 'claimed', 'eve@example.com', 'eve@example.com', 'cus_eve', NULL, '{}', NULL, NULL, 1795890042724096, NULL, 1795890042724096, 1795890042724096, 1);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (1, 'AaIjY1bcXcp2mNnUUt7weg', 1, 'revoked', 'ann@example.com', 'ann@example.com', NULL, NULL, '{"team":"red"}', NULL, 1796494842569413, NULL, 1795890042814420, 1795890042569413, 1795890042814420, 2);
INSERT INTO public.seats OVERRIDING SYSTEM VALUE VALUES (6, 'AaIjY1feuTzuDrCDyGahnQ', 2, 'pending', 'fay@example.com', 'fay@example.com', NULL, NULL, '{}', '\x64199563d8a1d5dc75f8ff2b7489886075b6565cf1b648f159b7962918c9547c', 1796494842844428, NULL, NULL, 1795890042844428, 1795890042844428, 1);


--
-- Data for Name: secrets; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.secrets VALUES ('page_token_key', '\xdd747832fb718ee4707a33e9451a519ca5f1b6b9138280b2859fb60630ee1b39');


--
-- Name: pools_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.pools_id_seq', 2, true);


--
-- Name: seats_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.seats_id_seq', 6, true);


--
-- Name: idempotency_records idempotency_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_records
    ADD CONSTRAINT idempotency_records_pkey PRIMARY KEY (request_id);


--
-- Name: pools pools_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pools
    ADD CONSTRAINT pools_name_key UNIQUE (name);


--
-- Name: pools pools_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pools
    ADD CONSTRAINT pools_pkey PRIMARY KEY (id);


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
-- Name: seats_claimed_by_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX seats_claimed_by_customer ON public.seats USING btree (customer_id, id) WHERE (status = 'claimed'::text);


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


