"""Feature plug-ins: each module registers import hooks (see workstation.importing.hooks)."""
