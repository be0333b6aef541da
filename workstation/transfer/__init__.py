"""Secure transfer of cases between partner agencies: signed, age-encrypted bundles."""
