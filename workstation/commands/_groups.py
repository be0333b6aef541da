"""Command groups shared by several areas (``workstation hashset import|list|export``).

Each area's ``register()`` asks for the group and adds its own actions, in whatever order the CLI
discovers the modules::

    from workstation.commands._groups import group
    actions = group(subparsers, "hashset", "known-image hash sets: import, list, export")
    p = actions.add_parser("export", help="...")
"""

from __future__ import annotations

import argparse

_ATTR = "_workstation_actions"


def group(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help: str,  # noqa: A002 - mirrors argparse's own keyword
) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The sub-command parser set of group ``name``, created the first time it is asked for."""
    parser = subparsers.choices.get(name)
    if parser is not None:
        actions: argparse._SubParsersAction | None = getattr(parser, _ATTR, None)  # type: ignore[type-arg]
        if actions is None:
            # Made by a module that called add_parser/add_subparsers itself: join its actions.
            found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            if not found:
                raise RuntimeError(f"command {name!r} exists and takes no actions; cannot extend it")
            actions = found[0]
            setattr(parser, _ATTR, actions)
        return actions
    parser = subparsers.add_parser(name, help=help, description=help)
    actions = parser.add_subparsers(dest=f"{name}_action", metavar="ACTION")

    def _usage(args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=_usage)
    setattr(parser, _ATTR, actions)
    return actions
