"""Court-ready PDF reports (reportlab, no Qt)."""
