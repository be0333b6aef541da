-- Networks and the analyst's register (workstation/networks): decisions on computed networks,
-- persons, platforms and accounts, and what each is linked to. Networks themselves are computed
-- on every run; only the analyst's decisions are stored, so a decision survives a re-run.
CREATE TABLE network_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('split', 'join')),
    items_a TEXT NOT NULL,           -- JSON list of item ids (split: the part split off; join: one item)
    items_b TEXT NOT NULL,           -- JSON list of item ids (split: the rest; join: one item)
    note TEXT,
    decided_at TEXT NOT NULL,
    analyst TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT
);
CREATE TABLE platforms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,       -- domain or messenger name, lower case (escort.example, telegram)
    type TEXT,                       -- escort_site, dating_app, job_board, marketplace, messenger, social_network, other
    status TEXT NOT NULL DEFAULT 'checked' CHECK (status IN ('checked', 'suspected', 'involved')),
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,              -- a label the analyst chooses ("victim A", a name from an ad)
    role TEXT NOT NULL CHECK (role IN ('possible_victim', 'suspect', 'facilitator', 'buyer', 'witness', 'unknown')),
    nationality TEXT,                -- ISO 3166 alpha-2 where known
    age_band TEXT,                   -- minor, 18-24, 25-34, 35-44, 45+, unknown
    aliases TEXT NOT NULL DEFAULT '[]',  -- JSON list
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    platform_id INTEGER NOT NULL REFERENCES platforms(id),
    kind TEXT NOT NULL CHECK (kind IN ('handle', 'phone', 'email', 'wallet', 'other')),
    value TEXT NOT NULL,             -- normalised as selectors are (E.164 phone, @handle, lower-case e-mail)
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (platform_id, kind, value)
);
-- A person or account linked to evidence. Computed things are named by a member item, so the
-- link survives a re-run: a photo cluster or network is "the one holding item N".
CREATE TABLE register_links (
    id INTEGER PRIMARY KEY,
    subject_type TEXT NOT NULL CHECK (subject_type IN ('person', 'account')),
    subject_id INTEGER NOT NULL,
    target_type TEXT NOT NULL CHECK (target_type IN ('item', 'selector', 'photo_cluster', 'network', 'account', 'platform')),
    target TEXT NOT NULL,            -- item id, 'kind:value' of a selector, account id, platform name
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (subject_type, subject_id, target_type, target)
);
CREATE INDEX register_links_target ON register_links(target_type, target);
