-- The customer and customer user searches (Customer Information Center, customer lists): what
-- each row they test costs, and what reading their trigram indexes costs.

-- caredesk_fold runs for every row a search tests and every candidate its indexes return. As a
-- SQL function it is never inlined (unaccent is only STABLE), so each call starts the SQL-function
-- executor: about 1.3 µs on PostgreSQL. PL/pgSQL evaluates the same expression as a simple
-- expression in about half that. The result is the same for every input, so the indexes built on
-- it stay valid.
create or replace function caredesk_fold(text) returns text
  language plpgsql immutable parallel safe strict
  as $$ begin return lower(public.unaccent('public.unaccent'::regdictionary, $1)); end $$;

-- A GIN index first appends new entries to an unsorted pending list (4 MB by default) and moves
-- them into the index only when the list is full or VACUUM runs. Every search through the index
-- reads the whole pending list and checks each entry against the pattern: after an import of
-- 100,000 customer users, reading the name index took 13 ms instead of 1 (embedded PGlite never
-- vacuums; PostgreSQL without autovacuum neither). 64 kB is the smallest list PostgreSQL allows:
-- inserts still go in batches (that import took about 1.5 times as long; with no pending list at
-- all, fastupdate off, about 3.5 times) and a search reads at most 8 pending pages.
alter index customers_name_fold set (gin_pending_list_limit = 64);
alter index customers_code_fold set (gin_pending_list_limit = 64);
alter index customer_users_name_fold set (gin_pending_list_limit = 64);
alter index customer_users_email_fold set (gin_pending_list_limit = 64);
alter index customer_users_loyalty_fold set (gin_pending_list_limit = 64);
alter index customer_users_phone_trgm set (gin_pending_list_limit = 64);

-- What is already pending goes into the indexes now, not at the next vacuum.
select gin_clean_pending_list(index_name::regclass)
from unnest(array[
  'customers_name_fold', 'customers_code_fold', 'customer_users_name_fold',
  'customer_users_email_fold', 'customer_users_loyalty_fold', 'customer_users_phone_trgm'
]) as index_name;
