-- Each agent's own language for the app (and, later, for mails to them); null follows the
-- workspace's default language.
alter table agents add column language text check (language in ('en', 'id'));
