-- The team hub (workstation/hub): keyed hashes only. A publication is one case of one agency;
-- its tokens are HMAC-SHA256(team key, kind + normalised value) of selectors, photo SHA-256s and
-- PDQ bands. Nothing here is a selector, a hash or an item in clear.
CREATE TABLE hub_publications (
    id BIGSERIAL PRIMARY KEY,
    publisher BYTEA NOT NULL,            -- HMAC(team key, case identity): republishing replaces
    agency TEXT NOT NULL,
    contact TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hub_publications_publisher ON hub_publications(publisher);
CREATE TABLE hub_tokens (
    token BYTEA NOT NULL,
    publication_id BIGINT NOT NULL REFERENCES hub_publications(id) ON DELETE CASCADE
);
CREATE INDEX hub_tokens_token ON hub_tokens(token);
CREATE INDEX hub_tokens_publication ON hub_tokens(publication_id);
