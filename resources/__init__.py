"""Shipped resources: taxonomy, fonts, demo material, translations."""
