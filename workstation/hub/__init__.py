"""The team hub: matching selectors and photos across agencies on a shared PostgreSQL server
without revealing them (docs/hub.md). psycopg is imported only when a hub is used."""
