"""CLI command modules; workstation.cli discovers every module here that defines register()."""
