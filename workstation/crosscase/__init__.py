"""My cases index: selectors and photos shared between the analyst's cases (docs/crosscase.md)."""
