"""Watchlists: partners' lists of phones, handles, e-mails, wallets, IBANs, URLs/domains and image
hashes, imported into a case and matched against it (docs/watchlists.md)."""
